import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderSql } from "@/lib/server/assignments/holder-sql";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { filingDueDate, lastDayOfMonth, monthNotOverProblem } from "@/lib/domain/filing";
import { missingFilingsQuerySchema, pagingSchema } from "@/lib/validation/progress";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, can } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { tryWorkingDays } from "@/lib/domain/working-days";

export interface FilingGridRow {
  id: number;
  code: string;
  name: string;
  enterpriseName: string;
  stage: string;
  actualStartDate: string;
  liaisonName: string | null;
  plannedInvestment: string | null; // this year's plan
  completedBefore: string; // completed this year in the months before this one
  report: {
    version: number;
    investmentCompleted: string;
    fundsArrived: string;
    imageProgress: string | null;
    problems: string | null;
    filedByName: string;
    filedAt: string;
  } | null;
}

/**
 * The monthly filing grid of one park: every project that owes month (year, month), with
 * that month's report if filed, this year's plan and what was completed earlier in the
 * year. Paged in SQL; `onlyMissing` keeps the unfiled ones. progress.file is not needed
 * to look (leaders read it), only to file.
 */
export async function listFilingGrid(actor: Actor, query: unknown, options: { onlyMissing?: boolean; page?: number; pageSize?: number } = {}, today = todayInShanghai()) {
  const q = parseOrThrow(missingFilingsQuerySchema, query);
  const { parkId, year, month, liaisonId } = q;
  if (!parkId) throw new AppError("VALIDATION", "请选择园区", { park: ["请选择园区"] });
  assertCan(actor, "project.read", parkId, "园区");
  const { page, pageSize } = pagingSchema.parse({ page: options.page, pageSize: options.pageSize });
  const ym = { year, month };
  const notOver = monthNotOverProblem(ym, today);
  if (notOver) throw new AppError("VALIDATION", notOver, { month: [notOver] });

  const db = getDb();
  const end = lastDayOfMonth(ym);
  const cal = await loadCalendar(db, end, addDays(end, 45));
  // Without the calendar of the year the due date falls in, the date is unknown (and so is being late).
  const due = tryWorkingDays(() => filingDueDate(ym, cal));
  const dueDate = due.value;
  const where = Prisma.join(
    [
      visibleProjectsSql(actor, "pr"),
      Prisma.sql`pr."parkId" = ${parkId} AND pr.status = 'ACTIVE' AND pr.stage IN ('STARTED', 'PRODUCING') AND pr."actualStartDate" <= CAST(${end} AS date)`,
      options.onlyMissing ? Prisma.sql`r.id IS NULL` : Prisma.sql`TRUE`,
      liaisonId ? Prisma.sql`li."userId" = ${liaisonId}` : Prisma.sql`TRUE`,
    ],
    " AND ",
  );
  const rows = await db.$queryRaw<
    (Omit<FilingGridRow, "report" | "actualStartDate"> & {
      actualStartDate: Date;
      reportVersion: number | null;
      investmentCompleted: string | null;
      fundsArrived: string | null;
      imageProgress: string | null;
      problems: string | null;
      filedByName: string | null;
      filedAt: Date | null;
      total: number;
      filed: number;
    })[]
  >(Prisma.sql`
    SELECT pr.id, pr.code, pr.name, e.name AS "enterpriseName", pr.stage::text AS stage, pr."actualStartDate", u.name AS "liaisonName",
           yp."plannedInvestment"::text AS "plannedInvestment",
           COALESCE((SELECT sum(x."investmentCompleted") FROM "ProgressReport" x WHERE x."projectId" = pr.id AND x.year = ${year}::int AND x.month < ${month}::int), 0)::text AS "completedBefore",
           r.version AS "reportVersion", r."investmentCompleted"::text AS "investmentCompleted", r."fundsArrived"::text AS "fundsArrived",
           r."imageProgress", r.problems, fb.name AS "filedByName", r."updatedAt" AS "filedAt",
           count(*) OVER ()::int AS total, count(r.id) OVER ()::int AS filed
    FROM "Project" pr
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    LEFT JOIN "ProgressReport" r ON r."projectId" = pr.id AND r.year = ${year}::int AND r.month = ${month}::int
    LEFT JOIN "User" fb ON fb.id = r."filedById"
    LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${year}::int
    LEFT JOIN LATERAL ${currentHolderSql("pr", "LIAISON")} li ON true
    LEFT JOIN "User" u ON u.id = li."userId"
    WHERE ${where}
    ORDER BY (r.id IS NOT NULL), pr.code
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const total = rows[0]?.total ?? 0;
  return {
    year,
    month,
    dueDate,
    /** The Chinese notice when the due date needs a holiday calendar not entered yet (dueDate is null then). */
    calendarMissing: due.missing,
    overdue: dueDate !== null && today > dueDate,
    canFile: can(actor, "progress.file", parkId),
    rows: rows.map<FilingGridRow>((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      enterpriseName: r.enterpriseName,
      stage: r.stage,
      actualStartDate: dateToIso(r.actualStartDate),
      liaisonName: r.liaisonName,
      plannedInvestment: r.plannedInvestment,
      completedBefore: r.completedBefore,
      report:
        r.reportVersion === null
          ? null
          : {
              version: r.reportVersion,
              investmentCompleted: r.investmentCompleted!,
              fundsArrived: r.fundsArrived!,
              imageProgress: r.imageProgress,
              problems: r.problems,
              filedByName: r.filedByName!,
              filedAt: r.filedAt!.toISOString(),
            },
    })),
    total,
    filed: rows[0]?.filed ?? 0,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
