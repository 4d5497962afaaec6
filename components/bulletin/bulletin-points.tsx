import Link from "next/link";
import type { BulletinPoints } from "@/lib/server/bulletin/get-bulletin";

const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left font-medium whitespace-nowrap";
const td = "border border-slate-300 px-2 py-1";
const num = `${td} tabular-nums whitespace-nowrap md:text-right`;
/** On a phone each row is a card (the DataTable's dt-stack rules, as the bulletin's other lists); paper and wide screens keep the table. */
const stackedTable = "w-full border-collapse text-sm dt-stack dt-ruled";

/** The bulletin's 积分考核 section (when asked for): every park's points of the month, and the top liaisons. */
export function BulletinPointsSection({ p, heading, scopeQuery }: { p: BulletinPoints; heading: string; scopeQuery: string }) {
  return (
    <section data-testid="bulletin-points">
      <h3 className="mb-2 text-lg font-semibold">{heading}</h3>
      <p className="mb-2 text-sm">
        {p.periodLabel}各园区积分（由项目阶段、走访、诉求办理、月报、督办等记录自动计分，人工加减分另列）：
        <Link href={`/points?period=month&${scopeQuery}&tab=park`} className="no-print ml-2 text-brand-600 underline">
          查看积分明细
        </Link>
      </p>
      <div>
        <table className={stackedTable} data-testid="bulletin-points-parks">
          <thead>
            <tr>
              <th className={th}>排名</th>
              <th className={th}>园区</th>
              <th className={th}>合计</th>
              <th className={th}>加分</th>
              <th className={th}>减分</th>
              <th className={th}>包保责任人</th>
              <th className={th}>包保领导</th>
              <th className={th}>责任单位</th>
            </tr>
          </thead>
          <tbody>
            {p.parks.map((r) => (
              <tr key={r.parkId}>
                <td className={num} data-label="排名">{r.rank}</td>
                <td className={`${td} dt-title`}>{r.name}</td>
                <td className={`${num} font-semibold`} data-label="合计">{r.total}</td>
                <td className={`${num} text-emerald-700`} data-label="加分">+{r.plus}</td>
                <td className={`${num} text-red-700`} data-label="减分">{r.minus}</td>
                <td className={num} data-label="包保责任人">{r.liaisonPoints}</td>
                <td className={num} data-label="包保领导">{r.leaderPoints}</td>
                <td className={num} data-label="责任单位">{r.unitPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.liaisons.length > 0 && (
        <>
          <p className="mb-2 mt-3 text-sm">
            包保责任人积分前 {p.liaisons.length} 名（共 {p.liaisonTotal} 人有积分）：
          </p>
          <div>
            <table className={stackedTable} data-testid="bulletin-points-liaisons">
              <thead>
                <tr>
                  <th className={th}>排名</th>
                  <th className={th}>包保责任人</th>
                  <th className={th}>园区</th>
                  <th className={th}>合计</th>
                  <th className={th}>加分</th>
                  <th className={th}>减分</th>
                </tr>
              </thead>
              <tbody>
                {p.liaisons.map((r) => (
                  <tr key={r.userId}>
                    <td className={num} data-label="排名">{r.rank}</td>
                    <td className={`${td} dt-title`}>{r.name}</td>
                    <td className={td} data-label="园区">{r.parkNames}</td>
                    <td className={`${num} font-semibold`} data-label="合计">{r.total}</td>
                    <td className={`${num} text-emerald-700`} data-label="加分">+{r.plus}</td>
                    <td className={`${num} text-red-700`} data-label="减分">{r.minus}</td>
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
