import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderSql } from "@/lib/server/assignments/holder-sql";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { filingDueDate, lastDayOfMonth, monthNotOverProblem } from "@/lib/domain/filing";
import { missingFilingsQuerySchema, pagingSchema } from "@/lib/validation/progress";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { tryWorkingDays } from "@/lib/domain/working-days";

export interface MissingFilingRow {
  id: number;
  code: string;
  name: string;
  enterpriseName: string;
  parkId: number;
  parkName: string;
  actualStartDate: string;
  liaisonId: number | null;
  liaisonName: string | null;
}

/**
 * Which started projects have not filed month (year, month): per park (owed and missing),
 * per person responsible (the project's current 包保责任人), and one page of the projects,
 * all counted and paged in SQL. A project owes the month when it is active, started or
 * producing, and started in that month or before. The month must be over.
 */
export async function listMissingFilings(actor: Actor, query: unknown, paging: unknown = {}, today = todayInShanghai()) {
  const q = parseOrThrow(missingFilingsQuerySchema, query);
  const p = parseOrThrow(pagingSchema, paging);
  const { parkId, year, month, liaisonId } = q;
  const { page, pageSize } = p;
  const ym = { year, month };
  // Same rule as filing: only a finished month can be missing.
  const notOver = monthNotOverProblem(ym, today);
  if (notOver) throw new AppError("VALIDATION", notOver, { month: [notOver] });
  if (parkId) assertCan(actor, "project.read", parkId, "园区");
  else if (parksWith(actor, "project.read").length === 0) throw new AppError("NOT_FOUND", "没有可查看的园区");

  const db = getDb();
  const end = lastDayOfMonth(ym);
  const cal = await loadCalendar(db, end, addDays(end, 45));
  // Without the calendar of the year the due date falls in, the date is unknown (and so is being late).
  const due = tryWorkingDays(() => filingDueDate(ym, cal));
  const dueDate = due.value;

  const owes = Prisma.join(
    [
      visibleProjectsSql(actor, "pr"),
      Prisma.sql`pr.status = 'ACTIVE' AND pr.stage IN ('STARTED', 'PRODUCING') AND pr."actualStartDate" <= CAST(${end} AS date)`,
      parkId ? Prisma.sql`pr."parkId" = ${parkId}` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  const base = Prisma.sql`
    FROM "Project" pr
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    LEFT JOIN LATERAL ${currentHolderSql("pr", "LIAISON")} li ON true
    LEFT JOIN "User" u ON u.id = li."userId"
    CROSS JOIN LATERAL (SELECT NOT EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."projectId" = pr.id AND r.year = ${year}::int AND r.month = ${month}::int) AS missing) m
    WHERE ${owes}`;
  const personFilter = liaisonId ? Prisma.sql`AND li."userId" = ${liaisonId}` : Prisma.empty;

  const [byPark, byPerson, rows] = await Promise.all([
    db.$queryRaw<{ parkId: number; parkName: string; owed: number; missing: number }[]>(Prisma.sql`
      SELECT pk.id AS "parkId", pk.name AS "parkName", count(*)::int AS owed, count(*) FILTER (WHERE m.missing)::int AS missing
      ${base} GROUP BY pk.id, pk.name ORDER BY missing DESC, pk.name`),
    db.$queryRaw<{ liaisonId: number | null; liaisonName: string | null; owed: number; missing: number }[]>(Prisma.sql`
      SELECT li."userId" AS "liaisonId", u.name AS "liaisonName", count(*)::int AS owed, count(*) FILTER (WHERE m.missing)::int AS missing
      ${base} GROUP BY li."userId", u.name HAVING count(*) FILTER (WHERE m.missing) > 0 ORDER BY missing DESC, u.name NULLS FIRST`),
    db.$queryRaw<(Omit<MissingFilingRow, "actualStartDate"> & { actualStartDate: Date; total: number })[]>(Prisma.sql`
      SELECT pr.id, pr.code, pr.name, e.name AS "enterpriseName", pk.id AS "parkId", pk.name AS "parkName", pr."actualStartDate",
             li."userId" AS "liaisonId", u.name AS "liaisonName", count(*) OVER ()::int AS total
      ${base} AND m.missing ${personFilter}
      ORDER BY pk.name, u.name NULLS FIRST, pr.code
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  ]);
  const total = rows[0]?.total ?? byPerson.filter((r) => !liaisonId || r.liaisonId === liaisonId).reduce((s, r) => s + r.missing, 0);
  return {
    year,
    month,
    dueDate,
    /** The Chinese notice when the due date needs a holiday calendar not entered yet (dueDate is null then). */
    calendarMissing: due.missing,
    overdue: dueDate !== null && today > dueDate,
    byPark,
    byPerson,
    rows: rows.map(({ total: _t, actualStartDate, ...r }) => ({ ...r, actualStartDate: dateToIso(actualStartDate) })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
