import Link from "next/link";
import { useTranslations } from "next-intl";
import type { BulletinPoints } from "@/lib/server/bulletin/get-bulletin";

const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left font-medium whitespace-nowrap";
const td = "border border-slate-300 px-2 py-1";
const num = `${td} tabular-nums whitespace-nowrap md:text-right`;
/** On a phone each row is a card (the DataTable's dt-stack rules, as the bulletin's other lists); paper and wide screens keep the table. */
const stackedTable = "w-full border-collapse text-sm dt-stack dt-ruled";

/**
 * The bulletin's 积分考核 section (when asked for): every park's points of the month, and the
 * top liaisons. `period` names the month in the active language (the server's periodLabel is Chinese).
 */
export function BulletinPointsSection({ p, heading, period, scopeQuery }: { p: BulletinPoints; heading: string; period?: string; scopeQuery: string }) {
  const t = useTranslations("bulletin");
  return (
    <section data-testid="bulletin-points">
      <h3 className="mb-2 text-lg font-semibold">{heading}</h3>
      <p className="mb-2 text-sm">
        {t("points.intro", { period: period ?? p.periodLabel })}
        <Link href={`/points?period=month&${scopeQuery}&tab=park`} className="no-print ml-2 text-brand-600 underline">
          {t("points.details")}
        </Link>
      </p>
      <div>
        <table className={stackedTable} data-testid="bulletin-points-parks">
          <thead>
            <tr>
              <th className={th}>{t("points.rank")}</th>
              <th className={th}>{t("points.park")}</th>
              <th className={th}>{t("points.total")}</th>
              <th className={th}>{t("points.plus")}</th>
              <th className={th}>{t("points.minus")}</th>
              <th className={th}>{t("points.liaison")}</th>
              <th className={th}>{t("points.leader")}</th>
              <th className={th}>{t("points.unit")}</th>
            </tr>
          </thead>
          <tbody>
            {p.parks.map((r) => (
              <tr key={r.parkId}>
                <td className={num} data-label={t("points.rank")}>{r.rank}</td>
                <td className={`${td} dt-title`}>{r.name}</td>
                <td className={`${num} font-semibold`} data-label={t("points.total")}>{r.total}</td>
                <td className={`${num} text-emerald-700`} data-label={t("points.plus")}>+{r.plus}</td>
                <td className={`${num} text-red-700`} data-label={t("points.minus")}>{r.minus}</td>
                <td className={num} data-label={t("points.liaison")}>{r.liaisonPoints}</td>
                <td className={num} data-label={t("points.leader")}>{r.leaderPoints}</td>
                <td className={num} data-label={t("points.unit")}>{r.unitPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.liaisons.length > 0 && (
        <>
          <p className="mb-2 mt-3 text-sm">
            {t("points.liaisons", { shown: p.liaisons.length, total: p.liaisonTotal })}
          </p>
          <div>
            <table className={stackedTable} data-testid="bulletin-points-liaisons">
              <thead>
                <tr>
                  <th className={th}>{t("points.rank")}</th>
                  <th className={th}>{t("points.liaison")}</th>
                  <th className={th}>{t("points.park")}</th>
                  <th className={th}>{t("points.total")}</th>
                  <th className={th}>{t("points.plus")}</th>
                  <th className={th}>{t("points.minus")}</th>
                </tr>
              </thead>
              <tbody>
                {p.liaisons.map((r) => (
                  <tr key={r.userId}>
                    <td className={num} data-label={t("points.rank")}>{r.rank}</td>
                    <td className={`${td} dt-title`}>{r.name}</td>
                    <td className={td} data-label={t("points.park")}>{r.parkNames}</td>
                    <td className={`${num} font-semibold`} data-label={t("points.total")}>{r.total}</td>
                    <td className={`${num} text-emerald-700`} data-label={t("points.plus")}>+{r.plus}</td>
                    <td className={`${num} text-red-700`} data-label={t("points.minus")}>{r.minus}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
