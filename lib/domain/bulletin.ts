// The monthly bulletin (月度通报): the month it reports on, each indicator set against the
// month before, and the parks ranked by one indicator with a 红榜 (top) and a 黑榜 (bottom).
// Pure: lib/server/bulletin assembles the figures, this file decides how they compare.

// Months (the one reported on, the one before, the latest complete one) are lib/domain/filing's.

import { type Indicator, type IndicatorKey, percentPoints } from "./indicators";

export interface IndicatorChange {
  key: IndicatorKey;
  label: string;
  convention: Indicator["convention"];
  formula: string;
  current: number | null;
  previous: number | null;
  /** Percentage points (one decimal) the rate moved since last month; null if either is missing. */
  changePoints: number | null;
  numerator: number | string;
  denominator: number | string;
  unit: Indicator["unit"];
}

/** This month's indicators beside last month's, matched by key (both come from computeIndicators). */
export function compareIndicators(current: readonly Indicator[], previous: readonly Indicator[]): IndicatorChange[] {
  const before = new Map(previous.map((i) => [i.key, i.rate]));
  return current.map((i) => {
    const prev = before.get(i.key) ?? null;
    return {
      key: i.key,
      label: i.label,
      convention: i.convention,
      formula: i.formula,
      current: i.rate,
      previous: prev,
      changePoints: i.rate === null || prev === null ? null : percentPoints(i.rate - prev),
      numerator: i.numerator,
      denominator: i.denominator,
      unit: i.unit,
    };
  });
}

/** "↑ 2.3 个百分点" / "↓ 0.4 个百分点" / "持平" / "—". */
export function formatChange(changePoints: number | null): string {
  if (changePoints === null) return "—";
  if (changePoints === 0) return "持平";
  return `${changePoints > 0 ? "↑" : "↓"} ${Math.abs(changePoints).toFixed(1)} 个百分点`;
}

export interface Rankable {
  parkId: number;
  parkName: string;
  indicators: readonly Indicator[];
}

export interface RankedPark<T extends Rankable> {
  row: T;
  /** 1-based; parks with the same rate share a rank ("1, 2, 2, 4"); null when the park has no rate. */
  rank: number | null;
  rate: number | null;
}

/**
 * Parks by one indicator, best first. Parks with no rate (nothing to divide by) come last
 * without a rank: a park with no plan is neither praised nor blamed.
 */
export function rankParks<T extends Rankable>(rows: readonly T[], key: IndicatorKey): RankedPark<T>[] {
  const withRate = rows.map((row) => ({ row, rate: row.indicators.find((i) => i.key === key)?.rate ?? null }));
  withRate.sort((a, b) => {
    if (a.rate === null || b.rate === null) return a.rate === null ? (b.rate === null ? a.row.parkName.localeCompare(b.row.parkName, "zh") : 1) : -1;
    return b.rate - a.rate || a.row.parkName.localeCompare(b.row.parkName, "zh");
  });
  let rank = 0;
  let lastRate: number | null = null;
  return withRate.map((r, i) => {
    if (r.rate === null) return { ...r, rank: null };
    if (r.rate !== lastRate) rank = i + 1;
    lastRate = r.rate;
    return { ...r, rank };
  });
}

/**
 * How many parks go on each of the 红榜 and 黑榜: up to `n`, and at most a third of the
 * ranked parks, so a small region does not put everyone on one list or a park on both.
 */
export function honourListSize(rankedParks: number, n = 3): number {
  return Math.min(n, Math.floor(rankedParks / 3));
}

/** 红榜 and 黑榜: the top and bottom ranked parks (the worst first on the 黑榜). */
export function honourLists<R extends { rank: number | null }>(ranked: readonly R[], n = 3): { red: R[]; black: R[] } {
  const rated = ranked.filter((r) => r.rank !== null);
  const size = honourListSize(rated.length, n);
  if (size === 0) return { red: [], black: [] };
  return { red: rated.slice(0, size), black: rated.slice(rated.length - size).reverse() };
}
