"use client";

import { useMemo } from "react";
import { EChart } from "./echart";

const wanToYi = (v: string) => Math.round(Number(v)) / 10_000;

/** 签约 → 落地 → 开工 → 投产 of the cohort (cumulative counts); each step opens its projects. */
export function StageFunnel({ steps }: { steps: { label: string; value: number; href: string }[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}：{c} 个" },
      color: ["#1d4ed8", "#0891b2", "#059669", "#65a30d"],
      series: [
        {
          type: "funnel",
          sort: "none",
          left: "10%",
          width: "80%",
          minSize: "20%",
          gap: 2,
          label: { show: true, position: "inside", formatter: "{b} {c} 个", color: "#fff", fontSize: 13 },
          data: steps.map((s) => ({ name: s.label, value: s.value })),
        },
      ],
    }),
    [steps],
  );
  const links = useMemo(() => steps.map((s) => s.href), [steps]);
  return <EChart option={option} links={links} height={240} label={`阶段漏斗：${steps.map((s) => `${s.label} ${s.value} 个`).join("，")}`} />;
}

export interface TrendPoint {
  month: number;
  signed: number;
  started: number;
  producing: number;
  investmentCompleted: string;
}

/** Signings, starts and production per month (bars, 个) with the month's completed investment (line, 亿元). */
export function MonthlyTrend({ points }: { points: TrendPoint[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["签约（个）", "开工（个）", "投产（个）", "完成投资（亿元）"] },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      // A phone's chart is too narrow for the legend on one line: two lines at the top would
      // cover the axis names, so there the legend goes under the chart, two items a line.
      media: [
        {
          query: { maxWidth: 560 },
          option: {
            legend: { top: "auto", bottom: 0, left: "center", width: 240, itemWidth: 16, itemGap: 8 },
            grid: { left: 40, right: 44, top: 32, bottom: 76 },
          },
        },
      ],
      xAxis: { type: "category", data: points.map((p) => `${p.month}月`) },
      yAxis: [
        { type: "value", name: "项目（个）", minInterval: 1 },
        { type: "value", name: "亿元", splitLine: { show: false } },
      ],
      color: ["#1d4ed8", "#059669", "#65a30d", "#d97706"],
      series: [
        { name: "签约（个）", type: "bar", data: points.map((p) => p.signed) },
        { name: "开工（个）", type: "bar", data: points.map((p) => p.started) },
        { name: "投产（个）", type: "bar", data: points.map((p) => p.producing) },
        { name: "完成投资（亿元）", type: "line", yAxisIndex: 1, data: points.map((p) => wanToYi(p.investmentCompleted)) },
      ],
    }),
    [points],
  );
  return <EChart option={option} height={300} label="月度趋势：签约、开工、投产项目数和完成投资" />;
}

/** Signed projects per industry (bar); a click opens the industry's signed projects. */
export function IndustryBars({ rows }: { rows: { industry: string; signed: number; started: number; href: string }[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: ["签约（个）", "已开工（个）"] },
      grid: { left: 110, right: 24, top: 30, bottom: 24 },
      xAxis: { type: "value", minInterval: 1, name: "个" },
      yAxis: { type: "category", inverse: true, data: rows.map((r) => r.industry) },
      color: ["#1d4ed8", "#059669"],
      series: [
        { name: "签约（个）", type: "bar", data: rows.map((r) => r.signed) },
        { name: "已开工（个）", type: "bar", data: rows.map((r) => r.started) },
      ],
    }),
    [rows],
  );
  const links = useMemo(() => rows.map((r) => r.href), [rows]);
  return <EChart option={option} links={links} height={Math.max(160, 40 + rows.length * 34)} label="产业链分布：各产业链签约和开工项目数" />;
}
