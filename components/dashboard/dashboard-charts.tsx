"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { EChart } from "./echart";

const wanToYi = (v: string) => Math.round(Number(v)) / 10_000;

/** 签约 → 落地 → 开工 → 投产 of the cohort (cumulative counts); each step opens its projects. */
export function StageFunnel({ steps }: { steps: { label: string; value: number; href: string }[] }) {
  const t = useTranslations("dashboard");
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item", formatter: (p: { name: string; value: number }) => t("chart.funnelTooltip", { name: p.name, value: p.value }) },
      color: ["#1d4ed8", "#0891b2", "#059669", "#65a30d"],
      series: [
        {
          type: "funnel",
          sort: "none",
          left: "10%",
          width: "80%",
          minSize: "20%",
          gap: 2,
          label: { show: true, position: "inside", formatter: (p: { name: string; value: number }) => t("chart.funnelItem", { name: p.name, value: p.value }), color: "#fff", fontSize: 13 },
          data: steps.map((s) => ({ name: s.label, value: s.value })),
        },
      ],
    }),
    [steps, t],
  );
  const links = useMemo(() => steps.map((s) => s.href), [steps]);
  const label = t("chart.funnelLabel", { steps: steps.map((s) => t("chart.funnelItem", { name: s.label, value: s.value })).join(t("listSeparator")) });
  return <EChart option={option} links={links} height={240} label={label} />;
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
  const t = useTranslations("dashboard");
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [t("chart.signed"), t("chart.started"), t("chart.producing"), t("chart.investment")] },
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
      xAxis: { type: "category", data: points.map((p) => t("monthShort", { month: p.month })) },
      yAxis: [
        { type: "value", name: t("chart.projectsAxis"), minInterval: 1 },
        { type: "value", name: t("chart.yiAxis"), splitLine: { show: false } },
      ],
      color: ["#1d4ed8", "#059669", "#65a30d", "#d97706"],
      series: [
        { name: t("chart.signed"), type: "bar", data: points.map((p) => p.signed) },
        { name: t("chart.started"), type: "bar", data: points.map((p) => p.started) },
        { name: t("chart.producing"), type: "bar", data: points.map((p) => p.producing) },
        { name: t("chart.investment"), type: "line", yAxisIndex: 1, data: points.map((p) => wanToYi(p.investmentCompleted)) },
      ],
    }),
    [points, t],
  );
  return <EChart option={option} height={300} label={t("chart.trendLabel")} />;
}

/** Signed projects per industry (bar); a click opens the industry's signed projects. */
export function IndustryBars({ rows }: { rows: { industry: string; signed: number; started: number; href: string }[] }) {
  const t = useTranslations("dashboard");
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [t("chart.industrySigned"), t("chart.industryStarted")] },
      grid: { left: 110, right: 24, top: 30, bottom: 24 },
      xAxis: { type: "value", minInterval: 1, name: t("chart.countAxis") },
      yAxis: { type: "category", inverse: true, data: rows.map((r) => r.industry) },
      color: ["#1d4ed8", "#059669"],
      series: [
        { name: t("chart.industrySigned"), type: "bar", data: rows.map((r) => r.signed) },
        { name: t("chart.industryStarted"), type: "bar", data: rows.map((r) => r.started) },
      ],
    }),
    [rows, t],
  );
  const links = useMemo(() => rows.map((r) => r.href), [rows]);
  return <EChart option={option} links={links} height={Math.max(160, 40 + rows.length * 34)} label={t("chart.industryLabel")} />;
}
