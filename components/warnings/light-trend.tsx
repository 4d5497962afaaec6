"use client";

import { useMemo } from "react";
import { EChart } from "@/components/dashboard/echart";

export interface LightTrendPoint {
  date: string;
  green: number;
  yellow: number;
  red: number;
}

/** Red, yellow and green projects per nightly snapshot (lines), oldest first. */
export function LightTrend({ points }: { points: LightTrendPoint[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["红灯", "黄灯", "绿灯"] },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: "category", data: points.map((p) => p.date.slice(5)) },
      yAxis: { type: "value", name: "项目（个）", minInterval: 1 },
      color: ["#dc2626", "#d97706", "#059669"],
      series: [
        { name: "红灯", type: "line", data: points.map((p) => p.red) },
        { name: "黄灯", type: "line", data: points.map((p) => p.yellow) },
        { name: "绿灯", type: "line", data: points.map((p) => p.green) },
      ],
    }),
    [points],
  );
  const last = points.at(-1);
  const label = last ? `亮灯趋势：${points[0].date} 至 ${last.date}，最近一次红灯 ${last.red} 个、黄灯 ${last.yellow} 个、绿灯 ${last.green} 个` : "亮灯趋势";
  return <EChart option={option} height={220} label={label} />;
}
