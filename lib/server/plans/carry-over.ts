import "server-only";
// 结转: carrying a park's unfinished plans of one year into the next, previewed first, then
// confirmed. The rule per project is carryOver in lib/domain/year-plans.ts.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { type CarryMode, type CarryOutcome, type PlanValues, carryOver } from "@/lib/domain/year-plans";
import { carryOverCommitSchema, carryOverSchema } from "@/lib/validation/year-plans";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";
import { writeYearPlan } from "./write-year-plan";

type Tx = Prisma.TransactionClient;

export interface CarryRow {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  status: ProjectStatus;
  plan: PlanValues;
  completed: string;
  outcome: CarryOutcome;
}

export interface CarryPreview {
  parkId: number;
  parkName: string;
  year: number;
  toYear: number;
  mode: CarryMode;
  /** False while `year` is still running: the figures are as of today. */
  yearEnded: boolean;
  /** Projects with a plan for `year`, carried ones first. */
  rows: CarryRow[];
  counts: { planned: number; carry: number; exists: number; none: number };
  /** The projects a commit would carry, in order: the confirmation sends them back. */
  carryIds: number[];
}

type Raw = {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  status: ProjectStatus;
  actualStartDate: Date | null;
  actualProductionDate: Date | null;
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
  completed: string;
  nextInvestment: string | null;
  nextStart: boolean | null;
  nextProduction: boolean | null;
};

const ORDER: Record<CarryOutcome["kind"], number> = { carry: 0, exists: 1, none: 2 };

/** Every project of the park with a plan for `year`, with what it completed that year and its plan for year + 1. One query. */
async function computeCarry(db: Tx | ReturnType<typeof getDb>, parkId: number, year: number, mode: CarryMode): Promise<CarryRow[]> {
  const raw = await db.$queryRaw<Raw[]>(Prisma.sql`
    SELECT pr.id AS "projectId", pr.code, pr.name, pr.stage::text AS stage, pr.status::text AS status, pr."actualStartDate", pr."actualProductionDate",
           yp."plannedInvestment"::text AS "plannedInvestment", yp."planStart", yp."planProduction",
           COALESCE((SELECT sum(r."investmentCompleted") FROM "ProgressReport" r WHERE r."projectId" = pr.id AND r.year = ${year}::int), 0)::numeric(14,2)::text AS completed,
           nx."plannedInvestment"::text AS "nextInvestment", nx."planStart" AS "nextStart", nx."planProduction" AS "nextProduction"
    FROM "Project" pr
    JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${year}::int
    LEFT JOIN "ProjectYearPlan" nx ON nx."projectId" = pr.id AND nx.year = ${year + 1}::int
    WHERE pr."parkId" = ${parkId}
    ORDER BY pr.code, pr.id`);
  const rows = raw.map((r): CarryRow => {
    const plan: PlanValues = { plannedInvestment: r.plannedInvestment, planStart: r.planStart, planProduction: r.planProduction };
    const outcome = carryOver({
      year,
      plan,
      project: {
        stage: r.stage,
        status: r.status,
        actualStartDate: r.actualStartDate ? dateToIso(r.actualStartDate) : null,
        actualProductionDate: r.actualProductionDate ? dateToIso(r.actualProductionDate) : null,
      },
      completedInYear: r.completed,
      nextPlan: r.nextInvestment === null ? null : { plannedInvestment: r.nextInvestment, planStart: r.nextStart === true, planProduction: r.nextProduction === true },
      mode,
    });
    return { projectId: r.projectId, code: r.code, name: r.name, stage: r.stage, status: r.status, plan, completed: r.completed, outcome };
  });
  return rows.sort((a, b) => ORDER[a.outcome.kind] - ORDER[b.outcome.kind]);
}

async function scope(actor: Actor, input: unknown, today: string) {
  const { parkId, year, mode } = parseOrThrow(carryOverSchema, input);
  assertCan(actor, "project.write", parkId, "园区");
  const currentYear = Number(today.slice(0, 4));
  if (year > currentYear) {
    const message = `${year} 年尚未开始，不能结转；结转的是已结束（或即将结束）年度的计划`;
    throw new AppError("VALIDATION", message, { year: [message] });
  }
  const park = await getDb().park.findUnique({ where: { id: parkId }, select: { id: true, name: true } });
  if (!park) throw notFound("园区");
  return { parkId, parkName: park.name, year, mode, yearEnded: year < currentYear };
}

/**
 * What carrying the park's unfinished plans of `year` into year + 1 would do, writing
 * nothing: per project with a plan for `year`, carried (with the values and why), kept
 * (year + 1 already has a plan: never overwritten) or not carried (finished, terminated).
 * project.write in the park (the people who set plans); `year` may be the current year
 * (planning ahead in December, with figures as of today) or an earlier one.
 */
export async function previewCarryOver(actor: Actor, input: unknown, today = todayInShanghai()): Promise<CarryPreview> {
  const s = await scope(actor, input, today);
  const rows = await computeCarry(getDb(), s.parkId, s.year, s.mode);
  const count = (k: CarryOutcome["kind"]) => rows.filter((r) => r.outcome.kind === k).length;
  return {
    ...s,
    toYear: s.year + 1,
    rows,
    counts: { planned: rows.length, carry: count("carry"), exists: count("exists"), none: count("none") },
    carryIds: rows.filter((r) => r.outcome.kind === "carry").map((r) => r.projectId),
  };
}

/** Namespace of the advisory lock held while a park's plans are carried ("CRY"). */
const CARRY_LOCK_CLASS = 0x435259;

/**
 * Carries the park's unfinished plans of `year` into year + 1, as previewed: in one
 * transaction under the park's carry lock, the preview is computed again and must list the
 * same projects the person confirmed (`projectIds`), otherwise nothing is written (CONFLICT:
 * preview again). Each carried project gets its plan for year + 1 (note "由 N 年计划结转")
 * through writeYearPlan with "no plan expected", so a plan for year + 1 is never
 * overwritten, and its audit row; the carry-over one summary row (`plan.carryOver`).
 */
export async function commitCarryOver(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ year: number; toYear: number; carried: number; kept: number }> {
  const s = await scope(actor, input, today);
  const { projectIds } = parseOrThrow(carryOverCommitSchema, input);
  const db = getDb();
  await assertParkOpen(db, s.parkId);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CARRY_LOCK_CLASS}::int, ${s.parkId}::int)`;
      const rows = await computeCarry(tx, s.parkId, s.year, s.mode);
      const carry = rows.filter((r): r is CarryRow & { outcome: { kind: "carry" } } => r.outcome.kind === "carry");
      const same = carry.length === projectIds.length && carry.every((r, i) => r.projectId === projectIds[i]);
      if (!same) throw new AppError("CONFLICT", "预览之后计划或项目进展有变化，本次未结转；请重新预览后再确认");
      if (carry.length === 0) throw new AppError("VALIDATION", `${s.parkName}没有需要结转到 ${s.year + 1} 年的计划`);
      for (const r of carry) {
        await writeYearPlan(
          tx,
          actor,
          { projectId: r.projectId, year: s.year + 1, ...r.outcome.next, note: r.outcome.note, expected: null },
          { via: "carryOver", audit: { fromYear: s.year, mode: s.mode }, today },
        );
      }
      const kept = rows.filter((r) => r.outcome.kind === "exists").length;
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "plan.carryOver",
        entityType: "YearPlan",
        entityId: `${s.parkId}-${s.year + 1}`,
        parkId: s.parkId,
        after: { fromYear: s.year, toYear: s.year + 1, mode: s.mode, carried: carry.length, kept, projectIds: carry.map((r) => r.projectId) },
      });
      return { year: s.year, toYear: s.year + 1, carried: carry.length, kept };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
