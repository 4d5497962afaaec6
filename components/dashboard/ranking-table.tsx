"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { type IndicatorKey, formatPercent } from "@/lib/domain/indicators";
import { formatMoneyIn } from "@/lib/i18n/format";

export interface RankingRow {
  parkId: number;
  parkName: string;
  signed: number;
  contractInvestment: string;
  started: number;
  producing: number;
  dueNotStarted: number;
  rates: Partial<Record<IndicatorKey, number | null>>;
  hrefs: { signed: string; started: string; producing: string; dueNotStarted: string };
}

type CountKey = "signed" | "contractInvestment" | "started" | "producing" | "dueNotStarted";
type SortKey = CountKey | IndicatorKey;

const COUNT_COLUMNS: CountKey[] = ["signed", "contractInvestment", "started", "producing", "dueNotStarted"];

export const RANK_SIZE = 3;

function value(r: RankingRow, k: SortKey): number | null {
  if (k === "contractInvestment") return Number(r.contractInvestment);
  if (k === "signed" || k === "started" || k === "producing" || k === "dueNotStarted") return r[k];
  return r.rates[k] ?? null;
}

/**
 * Per-park ranking of the ≤ N parks SQL returned: sorted here by any column, the first
 * three marked 红榜 and the last three 黑榜 (parks with "—" rank neither). For
 * 应开工未开工 fewer is better, so the order is reversed.
 */
export function RankingTable({ rows, rateColumns }: { rows: RankingRow[]; rateColumns: { key: IndicatorKey; label: string }[] }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const [sort, setSort] = useState<SortKey>("startCohort");
  const [desc, setDesc] = useState(true);
  const lowerIsBetter = sort === "dueNotStarted";
  const sorted = useMemo(() => {
    const withValue = rows.filter((r) => value(r, sort) !== null);
    const without = rows.filter((r) => value(r, sort) === null);
    withValue.sort((a, b) => (value(a, sort)! - value(b, sort)!) * (desc ? -1 : 1) || a.parkName.localeCompare(b.parkName, locale));
    return { withValue, without };
  }, [rows, sort, desc, locale]);
  // 红榜/黑榜 by merit, whatever the display direction.
  const merit = useMemo(() => {
    const ranked = [...sorted.withValue].sort((a, b) => (value(b, sort)! - value(a, sort)!) * (lowerIsBetter ? -1 : 1));
    // A third of the parks at most on each list, so a small region does not put everyone on one.
    const n = Math.min(RANK_SIZE, Math.floor(ranked.length / 3));
    return { red: new Set(ranked.slice(0, n).map((r) => r.parkId)), black: new Set(ranked.slice(ranked.length - n).map((r) => r.parkId)) };
  }, [sorted, sort, lowerIsBetter]);

  const header = (key: SortKey, label: string) => (
    <th key={key} className="px-2 py-2 text-right" aria-sort={sort === key ? (desc ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className={`whitespace-nowrap hover:text-brand-700 ${sort === key ? "font-semibold text-brand-700" : ""}`}
        onClick={() => {
          if (sort === key) setDesc(!desc);
          else {
            setSort(key);
            setDesc(key !== "dueNotStarted");
          }
        }}
      >
        {label}
        {sort === key ? (desc ? " ▼" : " ▲") : ""}
      </button>
    </th>
  );
  const allRows = [...sorted.withValue, ...sorted.without];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible">
      {/* On paper every column must fit the page width: smaller type, tighter cells. */}
      <table className="min-w-full text-sm print:text-[10px] print:[&_td]:px-1 print:[&_th]:px-1" data-testid="ranking-table">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className="px-2 py-2 text-left whitespace-nowrap">{t("ranking.rank")}</th>
            <th className="px-2 py-2 text-left whitespace-nowrap">{t("ranking.park")}</th>
            {COUNT_COLUMNS.map((k) => header(k, t(`ranking.${k}`)))}
            {rateColumns.map((c) => header(c.key, c.label))}
          </tr>
        </thead>
        <tbody>
          {allRows.map((r, idx) => {
            const red = merit.red.has(r.parkId);
            const black = merit.black.has(r.parkId);
            return (
              <tr key={r.parkId} className={`border-t border-slate-100 ${red ? "bg-red-50" : black ? "bg-slate-100" : ""}`} data-testid="ranking-row">
                <td className="px-2 py-1.5 whitespace-nowrap">
                  {idx < sorted.withValue.length ? idx + 1 : "—"}
                  {red && <span className="ml-1 rounded bg-red-600 px-1 text-xs text-white">{t("ranking.red")}</span>}
                  {black && <span className="ml-1 rounded bg-slate-800 px-1 text-xs text-white">{t("ranking.black")}</span>}
                </td>
                <td className="px-2 py-1.5 whitespace-nowrap">{r.parkName}</td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="text-brand-700 hover:underline" href={r.hrefs.signed}>{r.signed}</Link>
                </td>
                <td className="px-2 py-1.5 text-right whitespace-nowrap">{formatMoneyIn(locale, r.contractInvestment)}</td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="text-brand-700 hover:underline" href={r.hrefs.started}>{r.started}</Link>
                </td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="text-brand-700 hover:underline" href={r.hrefs.producing}>{r.producing}</Link>
                </td>
                <td className="px-2 py-1.5 text-right">
                  <Link className="text-brand-700 hover:underline" href={r.hrefs.dueNotStarted}>{r.dueNotStarted}</Link>
                </td>
                {rateColumns.map((c) => (
                  <td key={c.key} className="px-2 py-1.5 text-right">{formatPercent(r.rates[c.key] ?? null)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="px-3 py-2 text-xs text-slate-500">{t.rich("ranking.note", { n: RANK_SIZE, sort: (chunks) => <span className="no-print">{chunks}</span> })}</p>
    </div>
  );
}
