// The dashboard's words that depend on figures (periods, metrics, points against time), in the
// active language: helpers over the `dashboard` messages, shared by the dashboard, its print
// view and the bulletin (they show the same indicators and periods).

import type { useTranslations } from "next-intl";
import type { IndicatorKey, IndicatorPeriod, Metric } from "@/lib/domain/indicators";
import { ISSUE_CATEGORY_LABELS, type IssueCategory } from "@/lib/domain/issues";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";

export type DashboardT = ReturnType<typeof useTranslations<"dashboard">>;

/** "2026年1—10月" / "Jan–Oct 2026". */
export function monthsLabel(t: DashboardT, year: number, through: number): string {
  return t("months", { year, end: t("monthShort", { month: through }) });
}

/** The period of a dashboard scope, with its signing cohort when that is another year. */
export function periodLabel(t: DashboardT, scope: IndicatorScope): string {
  const months = monthsLabel(t, scope.year, scope.through);
  return scope.cohort === scope.year ? months : t("withCohort", { months, cohort: scope.cohort });
}

/** "领先序时进度 13.8 个百分点" / "13.8 points ahead of time elapsed"; "—" without a rate (formatPoints in the active language). */
export function pointsLabel(t: DashboardT, points: number | null): string {
  if (points === null) return "—";
  if (points === 0) return t("points.level");
  return t(points > 0 ? "points.ahead" : "points.behind", { points: Math.abs(points).toFixed(1) });
}

/** A drill-down set's name (METRIC_LABELS in the active language). */
export function metricLabel(t: DashboardT, m: Metric): string {
  return t(`metric.${m}`);
}

/** What a drill-down list shows, in words (describeMetric in the active language). */
export function describeMetricIn(t: DashboardT, m: Metric, p: IndicatorPeriod): string {
  const cut = p.cohort === p.year ? t("describe.cut", { end: t("monthShort", { month: p.through }) }) : "";
  const asOf = t("describe.asOf", { year: p.year, end: t("monthShort", { month: p.through }) });
  const metric = metricLabel(t, m);
  if (m.startsWith("cohort.")) return t("describe.cohort", { cohort: p.cohort, cut, metric, asOf });
  if (m.startsWith("plan.")) return t("describe.plan", { year: p.year, metric, asOf });
  return t("describe.other", { asOf, metric });
}

/** An indicator's name, convention and formula (INDICATOR_DEFS in the active language). */
export function indicatorText(t: DashboardT, key: IndicatorKey): { label: string; convention: string; formula: string } {
  return { label: t(`indicator.${key}.label`), convention: t(`indicator.${key}.convention`), formula: t(`indicator.${key}.formula`) };
}

/** The key of a problem category the server gave as its Chinese label (ISSUE_CATEGORY_LABELS), to show it in the active language. */
export function issueCategoryKey(label: string): IssueCategory | null {
  return (Object.entries(ISSUE_CATEGORY_LABELS) as [IssueCategory, string][]).find(([, v]) => v === label)?.[0] ?? null;
}
