"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { EChart } from "@/components/dashboard/echart";

export interface LightTrendPoint {
  date: string;
  green: number;
  yellow: number;
  red: number;
}

/** Red, yellow and green projects per nightly snapshot (lines), oldest first. */
export function LightTrend({ points }: { points: LightTrendPoint[] }) {
  const t = useTranslations("warnings.chart");
  const tc = useTranslations("common.enum.light");
  const [red, yellow, green] = [tc("RED"), tc("YELLOW"), tc("GREEN")];
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [red, yellow, green] },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
      yAxis: { type: "value", name: t("axis"), minInterval: 1 },
      color: ["#dc2626", "#d97706", "#059669"],
      series: [
        { name: red, type: "line", data: points.map((p) => p.red) },
        { name: yellow, type: "line", data: points.map((p) => p.yellow) },
        { name: green, type: "line", data: points.map((p) => p.green) },
      ],
    }),
    [points, red, yellow, green, t],
  );
  const last = points.at(-1);
  const label = last ? t("label", { from: points[0].date, to: last.date, red: last.red, yellow: last.yellow, green: last.green }) : t("title");
  return <EChart option={option} height={220} label={label} />;
}
