import "server-only";
// 积分考核: the points events computed from the record in SQL (docs/points.md). Nothing here is
// stored: each call builds the CTE `earned` (one row per event and earner, with the points of the
// rule version in effect on the event's date) for a set of parks and a date range, and the callers
// aggregate or page it in SQL.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, dateToIso } from "@/lib/domain/dates";
import { filingDueDate, fromMonthIndex, lastDayOfMonth, monthIndex, monthOf } from "@/lib/domain/filing";
import { MANUAL_KIND, type RuleInterval, type RuleVersion, resolveRuleIntervals } from "@/lib/domain/points";
import { tryWorkingDays } from "@/lib/domain/working-days";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";

type Reader = Pick<Prisma.TransactionClient, "pointRule" | "park" | "holiday" | "$queryRaw">;

/** The rule intervals of each park: its own versions, its region's defaults, the built-in ones. */
export async function loadRuleIntervals(db: Reader, parkIds: number[]): Promise<RuleInterval[]> {
  if (parkIds.length === 0) return [];
  const parks = await db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, regionId: true } });
  const rows = await db.pointRule.findMany({
    where: { OR: [{ parkId: { in: parkIds } }, { regionId: { in: [...new Set(parks.map((p) => p.regionId))] } }] },
    select: { parkId: true, regionId: true, kind: true, earner: true, points: true, effectiveFrom: true },
  });
  const out: RuleInterval[] = [];
  for (const park of parks) {
    const versions: RuleVersion[] = rows
      .filter((r) => r.parkId === park.id || (r.parkId === null && r.regionId === park.regionId))
      .map((r) => ({ level: r.parkId === null ? "region" : "park", kind: r.kind, earner: r.earner, points: r.points, effectiveFrom: dateToIso(r.effectiveFrom) }));
    out.push(...resolveRuleIntervals(park.id, versions));
  }
  return out;
}

/** Months whose filing is counted missed (the day after the due date) inside [from, to], with the due date. */
async function filingMonths(db: Reader, from: string, to: string): Promise<{ y: number; m: number; due: string; end: string }[]> {
  const first = monthIndex(monthOf(from)) - 2;
  const last = monthIndex(monthOf(to));
  const cal = await loadCalendar(db, lastDayOfMonth(fromMonthIndex(first)), addDays(to, 45));
  const out: { y: number; m: number; due: string; end: string }[] = [];
  for (let i = first; i <= last; i++) {
    const ym = fromMonthIndex(i);
    const due = tryWorkingDays(() => filingDueDate(ym, cal)).value;
    if (!due) continue; // no holiday calendar for that year: the due date is unknown
    const counted = addDays(due, 1);
    if (counted >= from && counted <= to) out.push({ y: ym.year, m: ym.month, due, end: lastDayOfMonth(ym) });
  }
  return out;
}

export interface EarnedSqlOptions {
  parkIds: number[];
  from: string;
  /** Inclusive; callers pass min(period end, today). */
  to: string;
}

/**
 * `WITH … earned AS (…)`: columns kind, "parkId", "eventDate" (date), earner, "userId", unit,
 * points, "projectId", "enterpriseId", "issueId", "visitId", "stageEventId", "adjustmentId",
 * detail, "supervisionId". Manual adjustments are rows of kind MANUAL with the reason as detail.
 */
export async function earnedCte(db: Reader, o: EarnedSqlOptions): Promise<Prisma.Sql> {
  const rules = await loadRuleIntervals(db, o.parkIds);
  const months = await filingMonths(db, o.from, o.to);
  const parks = o.parkIds;
  const from = Prisma.sql`CAST(${o.from} AS date)`;
  const to = Prisma.sql`CAST(${o.to} AS date)`;
  const rulesJson = JSON.stringify(rules.filter((r) => r.points !== 0).map((r) => ({ parkId: r.parkId, kind: r.kind, earner: r.earner, from: r.from, to: r.to, points: r.points })));
  const monthsJson = JSON.stringify(months);
  return Prisma.sql`WITH
    st AS (
      SELECT DISTINCT ON (se."projectId", se."toStage") se.id, se."projectId", se."toStage", se."businessDate"
      FROM "StageEvent" se JOIN "Project" p ON p.id = se."projectId"
      WHERE p."parkId" = ANY(${parks}::int[]) AND se.type IN ('SIGN', 'ADVANCE') AND se."toStage" IN ('STARTED', 'PRODUCING')
      ORDER BY se."projectId", se."toStage", se."createdAt" DESC, se.id DESC
    ),
    vdates AS (
      SELECT DISTINCT v."enterpriseId", v."visitDate" AS d FROM "Visit" v
      WHERE v."parkId" = ANY(${parks}::int[]) AND v."visitDate" <= ${to}
    ),
    cover AS (
      SELECT COALESCE(a."enterpriseId", ap."enterpriseId") AS "enterpriseId", min(a."startDate") AS d
      FROM "Assignment" a LEFT JOIN "Project" ap ON ap.id = a."projectId"
      WHERE a."parkId" = ANY(${parks}::int[]) AND a.role = 'LIAISON'
      GROUP BY 1
    ),
    marks AS (
      SELECT m."enterpriseId", m.d, lead(m.d) OVER (PARTITION BY m."enterpriseId" ORDER BY m.d) AS next
      FROM (SELECT "enterpriseId", d FROM vdates UNION SELECT "enterpriseId", d FROM cover WHERE d <= ${to}) m
    ),
    base AS (
      SELECT CASE st."toStage" WHEN 'STARTED' THEN 'PROJECT_STARTED' ELSE 'PROJECT_PRODUCING' END AS kind,
             p."parkId", st."businessDate" AS "eventDate", p.id AS "projectId", p."enterpriseId", NULL::int AS "issueId",
             NULL::int AS "visitId", st.id AS "stageEventId", NULL::int AS visitor, p."responsibleUnit" AS unit,
             CASE st."toStage" WHEN 'STARTED' THEN '开工日期 ' ELSE '投产日期 ' END || to_char(st."businessDate", 'YYYY-MM-DD') AS detail, NULL::int AS "supervisionId"
      FROM st JOIN "Project" p ON p.id = st."projectId"
      WHERE st."businessDate" BETWEEN ${from} AND ${to}
        AND ((st."toStage" = 'STARTED' AND p.stage IN ('STARTED', 'PRODUCING')) OR (st."toStage" = 'PRODUCING' AND p.stage = 'PRODUCING'))
      UNION ALL
      SELECT 'START_ON_PLAN', p."parkId", st."businessDate", p.id, p."enterpriseId", NULL, NULL, st.id, NULL, p."responsibleUnit",
             '计划开工 ' || to_char(p."plannedStartDate", 'YYYY-MM-DD') || '，实际开工 ' || to_char(st."businessDate", 'YYYY-MM-DD'), NULL
      FROM st JOIN "Project" p ON p.id = st."projectId"
      WHERE st."toStage" = 'STARTED' AND p.stage IN ('STARTED', 'PRODUCING') AND st."businessDate" BETWEEN ${from} AND ${to}
        AND p."plannedStartDate" IS NOT NULL AND st."businessDate" <= p."plannedStartDate"
      UNION ALL
      SELECT 'START_MISSED', p."parkId", x.d, p.id, p."enterpriseId", NULL, NULL, NULL, NULL, p."responsibleUnit",
             '计划开工 ' || to_char(p."plannedStartDate", 'YYYY-MM-DD') || '，满一个月未开工', NULL
      FROM "Project" p CROSS JOIN LATERAL (SELECT (p."plannedStartDate" + interval '1 month')::date AS d) x
      WHERE p."parkId" = ANY(${parks}::int[]) AND p."plannedStartDate" IS NOT NULL AND x.d BETWEEN ${from} AND ${to}
        AND NOT (p.stage IN ('STARTED', 'PRODUCING') AND p."actualStartDate" <= x.d)
        AND NOT (p.status <> 'ACTIVE' AND COALESCE(p."statusDate", x.d) <= x.d)
      UNION ALL
      SELECT 'VISIT_ON_SCHEDULE', v."parkId", v."visitDate", v."projectId", v."enterpriseId", NULL, v.id, NULL, v."liaisonId", NULL,
             CASE WHEN v.prev IS NULL THEN '首次走访' ELSE '距上次走访 ' || (v."visitDate" - v.prev) || ' 天（周期 ' || v.iv || ' 天）' END, NULL
      FROM (
        SELECT DISTINCT ON (v."enterpriseId", v."visitDate") v.*, pk."visitIntervalDays" AS iv,
               (SELECT max(w."visitDate") FROM "Visit" w WHERE w."enterpriseId" = v."enterpriseId" AND w."visitDate" < v."visitDate") AS prev
        FROM "Visit" v JOIN "Park" pk ON pk.id = v."parkId"
        WHERE v."parkId" = ANY(${parks}::int[]) AND v."visitDate" BETWEEN ${from} AND ${to}
        ORDER BY v."enterpriseId", v."visitDate", v.id
      ) v
      WHERE v.prev IS NULL OR v."visitDate" - v.prev <= v.iv
      UNION ALL
      SELECT 'VISIT_OVERDUE', e."parkId", (mk.d + k * pk."visitIntervalDays" + 1), NULL, e.id, NULL, NULL, NULL, NULL, NULL,
             '自 ' || to_char(mk.d, 'YYYY-MM-DD') || ' 起超过 ' || (k * pk."visitIntervalDays") || ' 天未走访', NULL
      FROM marks mk JOIN "Enterprise" e ON e.id = mk."enterpriseId" JOIN "Park" pk ON pk.id = e."parkId"
      CROSS JOIN LATERAL generate_series(1, GREATEST(0, (COALESCE(mk.next - 1, ${to}) - mk.d) / pk."visitIntervalDays")) k
      WHERE (mk.d + k * pk."visitIntervalDays" + 1) BETWEEN ${from} AND ${to}
        AND NOT (EXISTS (SELECT 1 FROM "Project" x WHERE x."enterpriseId" = e.id)
                 AND NOT EXISTS (SELECT 1 FROM "Project" x WHERE x."enterpriseId" = e.id AND x.status <> 'TERMINATED'))
      UNION ALL
      SELECT 'ISSUE_CLOSED_ON_TIME', i."parkId", i."closedDate", i."projectId", i."enterpriseId", i.id, NULL, NULL, NULL, i."responsibleUnit",
             '销号 ' || to_char(i."closedDate", 'YYYY-MM-DD') || '，时限 ' || to_char(i."resolveDeadline", 'YYYY-MM-DD') || '，满意', NULL
      FROM "EnterpriseIssue" i
      WHERE i."parkId" = ANY(${parks}::int[]) AND i.status = 'CLOSED' AND i."closedDate" BETWEEN ${from} AND ${to}
        AND i."closedDate" <= i."resolveDeadline" AND i.satisfaction = 'SATISFIED'
      UNION ALL
      SELECT 'ISSUE_OVERDUE', i."parkId", i."resolveDeadline" + 1, i."projectId", i."enterpriseId", i.id, NULL, NULL, NULL, i."responsibleUnit",
             '办结时限 ' || to_char(i."resolveDeadline", 'YYYY-MM-DD') || CASE WHEN i."closedDate" IS NULL THEN '，未销号' ELSE '，' || to_char(i."closedDate", 'YYYY-MM-DD') || ' 销号' END, NULL
      FROM "EnterpriseIssue" i
      WHERE i."parkId" = ANY(${parks}::int[]) AND i."resolveDeadline" + 1 BETWEEN ${from} AND ${to}
        AND (i."closedDate" IS NULL OR i."closedDate" > i."resolveDeadline")
      UNION ALL
      SELECT 'FILING_MISSED', p."parkId", f.due + 1, p.id, p."enterpriseId", NULL, NULL, NULL, NULL, p."responsibleUnit",
             f.y || '年' || f.m || '月月报，应于 ' || to_char(f.due, 'YYYY-MM-DD') || ' 前填报', NULL
      FROM "Project" p CROSS JOIN jsonb_to_recordset(${monthsJson}::jsonb) AS f(y int, m int, due date, "end" date)
      WHERE p."parkId" = ANY(${parks}::int[]) AND p.stage IN ('STARTED', 'PRODUCING') AND p."actualStartDate" <= f."end"
        AND (p.status = 'ACTIVE' OR p."statusDate" > f.due)
        AND NOT EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."projectId" = p.id AND r.year = f.y AND r.month = f.m
                        AND (r."filedAt" AT TIME ZONE 'Asia/Shanghai')::date <= f.due)
      UNION ALL
      SELECT 'SUPERVISION_OVERDUE', s."parkId", s.deadline + 1, COALESCE(s."projectId", i."projectId"), COALESCE(sp."enterpriseId", i."enterpriseId"),
             s."issueId", NULL, NULL, NULL, s."recipientUnit",
             '督办函 ' || s.code || '，回复期限 ' || to_char(s.deadline, 'YYYY-MM-DD') || '，逾期未回复', s.id
      FROM "Supervision" s
      LEFT JOIN "EnterpriseIssue" i ON i.id = s."issueId"
      LEFT JOIN "Project" sp ON sp.id = COALESCE(s."projectId", i."projectId")
      WHERE s."parkId" = ANY(${parks}::int[]) AND s.deadline + 1 BETWEEN ${from} AND ${to}
        AND NOT EXISTS (SELECT 1 FROM "SupervisionEvent" se WHERE se."supervisionId" = s.id AND se.type = 'REPLIED'
                        AND (se."createdAt" AT TIME ZONE 'Asia/Shanghai')::date <= s.deadline)
    ),
    cov AS MATERIALIZED (
      SELECT a.id, a.role, a."userId", a.department, a."projectId", a."startDate", a."endDate",
             COALESCE(a."enterpriseId", ap."enterpriseId") AS ent
      FROM "Assignment" a LEFT JOIN "Project" ap ON ap.id = a."projectId"
      WHERE a."parkId" = ANY(${parks}::int[])
    ),
    -- Who covered the record on the event's date (li, le): the project's own assignment first,
    -- then the enterprise's; an enterprise-level event also takes one to any of its projects.
    numbered AS MATERIALIZED (
      SELECT row_number() OVER () AS rid, b.* FROM base b
    ),
    li AS MATERIALIZED (
      SELECT DISTINCT ON (n.rid) n.*, c."userId" AS "coverLiaison", c.department AS "coverUnit"
      FROM numbered n LEFT JOIN cov c ON c.ent = n."enterpriseId" AND c.role = 'LIAISON'
        AND c."startDate" <= n."eventDate" AND (c."endDate" IS NULL OR c."endDate" > n."eventDate")
        AND (c."projectId" IS NULL OR n."projectId" IS NULL OR c."projectId" = n."projectId")
      ORDER BY n.rid, (c."projectId" IS NOT DISTINCT FROM n."projectId") DESC, (c."projectId" IS NULL) DESC, c."startDate" DESC, c.id DESC
    ),
    le AS MATERIALIZED (
      SELECT DISTINCT ON (n.rid) n.*, c."userId" AS "coverLeader"
      FROM li n LEFT JOIN cov c ON c.ent = n."enterpriseId" AND c.role = 'LEADER'
        AND c."startDate" <= n."eventDate" AND (c."endDate" IS NULL OR c."endDate" > n."eventDate")
        AND (c."projectId" IS NULL OR n."projectId" IS NULL OR c."projectId" = n."projectId")
      ORDER BY n.rid, (c."projectId" IS NOT DISTINCT FROM n."projectId") DESC, (c."projectId" IS NULL) DESC, c."startDate" DESC, c.id DESC
    ),
    people AS (
      SELECT b.*, COALESCE(b.visitor, b."coverLiaison") AS "liaisonId", b."coverLeader" AS "leaderId",
             COALESCE(b.unit, b."coverUnit") AS "unitName"
      FROM le b
      WHERE b.kind <> 'VISIT_OVERDUE' OR b."coverLiaison" IS NOT NULL
    ),
    rules AS (
      SELECT * FROM jsonb_to_recordset(${rulesJson}::jsonb) AS r("parkId" int, kind text, earner text, "from" date, "to" date, points int)
    ),
    earned AS (
      SELECT pe.kind, pe."parkId", pe."eventDate", x.earner, x."userId", x.unit, r.points, pe."projectId", pe."enterpriseId",
             pe."issueId", pe."visitId", pe."stageEventId", NULL::int AS "adjustmentId", pe.detail, pe."supervisionId"
      FROM people pe
      CROSS JOIN LATERAL (VALUES ('LIAISON', pe."liaisonId", NULL::text), ('LEADER', pe."leaderId", NULL::text), ('UNIT', NULL::int, pe."unitName")) AS x(earner, "userId", unit)
      JOIN rules r ON r."parkId" = pe."parkId" AND r.kind = pe.kind AND r.earner = x.earner
                  AND pe."eventDate" >= r."from" AND (r."to" IS NULL OR pe."eventDate" < r."to")
      WHERE x."userId" IS NOT NULL OR x.unit IS NOT NULL
      UNION ALL
      SELECT ${MANUAL_KIND}, ad."parkId", ad.date, ad.earner::text, ad."userId", ad.unit, ad.points, NULL, NULL, NULL, NULL, NULL, ad.id, ad.reason, NULL
      FROM "PointAdjustment" ad
      WHERE ad."parkId" = ANY(${parks}::int[]) AND ad.date BETWEEN ${from} AND ${to}
    )`;
}
