"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import * as echarts from "echarts/core";
import { BarChart, FunnelChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

// Tree-shaken: only the charts and components the dashboard draws. SVG keeps the charts
// sharp on paper (the print view) and needs no canvas re-render when the page is printed.
echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/**
 * One ECharts chart. `links[i]` (by data index), when given, makes a click on that
 * element open its drill-down list.
 */
export function EChart({ option, height = 280, label, links }: { option: EChartsCoreOption; height?: number; label: string; links?: (string | null)[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    if (links) {
      chart.on("click", (p) => {
        const href = typeof p.dataIndex === "number" ? links[p.dataIndex] : null;
        if (href) router.push(href);
      });
    }
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, links, router]);
  return <div ref={ref} role="img" aria-label={label} style={{ height, width: "100%" }} className="print:break-inside-avoid" />;
}
