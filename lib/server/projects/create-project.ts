import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { projectCreateSchema, type ProjectCreateData } from "@/lib/validation/project";
import { ASSIGNMENT_ROLE_LABEL } from "@/lib/domain/coverage";
import { eligibleUserWhere, ineligibleMessage } from "@/lib/server/assignments/eligibility";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, isUniqueViolation, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";
import { type DuplicateMatch, findDuplicateProjects } from "./find-duplicate-projects";
import { lockParkProjects, assertNoExactDuplicate, resolveEnterprise, yearPlanFrom } from "./project-record";

const CODE_ATTEMPTS = 3;

type Tx = Prisma.TransactionClient;

/** Next free project number in the park and year: `${park.code}-${year}-${seq3}`. */
async function nextProjectCode(tx: Tx, parkCode: string, parkId: number, year: string, bump: number): Promise<string> {
  const prefix = `${parkCode}-${year}-`;
  const [{ max }] = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT MAX(substring(code FROM ${prefix.length + 1}::int)::int) AS max
    FROM "Project"
    WHERE "parkId" = ${parkId}::int AND left(code, ${prefix.length}::int) = ${prefix}::text
      AND substring(code FROM ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`;
  const seq = (max ?? 0) + 1 + bump;
  return `${prefix}${String(seq).padStart(3, "0")}`;
}

/**
 * The 包保责任人/包保领导 chosen on the create form: "assignment.manage" in the park and each
 * person eligible there (the same rule as the assign panel), checked before anything is written.
 */
async function initialAssignees(actor: Actor, parkId: number, chosen: Record<"LIAISON" | "LEADER", number | undefined>) {
  const wanted = (["LIAISON", "LEADER"] as const).filter((role) => chosen[role] !== undefined);
  if (wanted.length === 0) return [];
  assertCan(actor, "assignment.manage", parkId, "园区");
  const people: { role: "LIAISON" | "LEADER"; id: number; name: string }[] = [];
  const problems: Record<string, string[]> = {};
  for (const role of wanted) {
    const user = await getDb().user.findFirst({ where: { id: chosen[role], ...eligibleUserWhere(parkId, role) }, select: { id: true, name: true } });
    if (user) people.push({ role, ...user });
    else problems[role === "LIAISON" ? "liaisonUserId" : "leaderUserId"] = [ineligibleMessage(role, ASSIGNMENT_ROLE_LABEL[role])];
  }
  if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", "请检查标红的字段", problems);
  return people;
}

/**
 * Enters a signed project into the ledger (stage 签约), with its enterprise (found or
 * created by name within the park), a SIGN stage event, this year's plan if given, the
 * 包保责任人/包保领导 if chosen and an audit row, all in one transaction. Opening balances
 * (期初累计完成投资/到位资金, for a project that predates monthly filing) may be given.
 *
 * Exact duplicates (same park, same project name, same enterprise) are refused: a
 * re-signed project stays one project. Looser matches come back as `duplicates`, for the
 * page to show as a warning.
 */
export async function createProject(actor: Actor, input: unknown): Promise<{ id: number; code: string; duplicates: DuplicateMatch[] }> {
  const parsed = parseOrThrow(projectCreateSchema, input);
  const { liaisonUserId, leaderUserId, ...data }: ProjectCreateData = parsed;
  assertCan(actor, "project.write", data.parkId, "园区");

  const db = getDb();
  await assertParkOpen(db, data.parkId);
  const today = todayInShanghai();
  const people = await initialAssignees(actor, data.parkId, { LIAISON: liaisonUserId, LEADER: leaderUserId });
  const year = Number(today.slice(0, 4));
  const plan = yearPlanFrom(data);

  let created: { id: number; code: string } | undefined;
  for (let attempt = 0; !created; attempt++) {
    try {
      created = await db.$transaction(async (tx) => {
        // Creations in one park take turns: the duplicate check and the next number stay true until commit.
        await lockParkProjects(tx, data.parkId);
        const park = await tx.park.findUniqueOrThrow({ where: { id: data.parkId }, select: { code: true } });
        await assertNoExactDuplicate(tx, data.parkId, data.name, data.enterpriseName, null);
        const enterprise = await resolveEnterprise(tx, data.parkId, null, data, null);

        const code = await nextProjectCode(tx, park.code, data.parkId, data.signedDate.slice(0, 4), attempt);
        const project = await tx.project.create({
          data: {
            code,
            parkId: data.parkId,
            enterpriseId: enterprise.id,
            name: data.name,
            industry: data.industry,
            source: data.source,
            keyLevel: data.keyLevel,
            specialLists: data.specialLists,
            content: data.content,
            totalInvestment: data.totalInvestment,
            contractInvestment: data.contractInvestment,
            registeredCapital: data.registeredCapital,
            landArea: data.landArea,
            investmentCompletedBefore: data.investmentCompletedBefore ?? "0.00",
            fundsArrivedBefore: data.fundsArrivedBefore ?? "0.00",
            imageProgress: data.imageProgress ?? null,
            problems: data.problems ?? null,
            signedDate: isoToDate(data.signedDate),
            registeredDate: data.registeredDate ? isoToDate(data.registeredDate) : null,
            landSuppliedDate: data.landSuppliedDate ? isoToDate(data.landSuppliedDate) : null,
            plannedStartDate: data.plannedStartDate ? isoToDate(data.plannedStartDate) : null,
            plannedProductionDate: data.plannedProductionDate ? isoToDate(data.plannedProductionDate) : null,
            responsibleUnit: data.responsibleUnit,
            remark: data.remark,
            stage: "SIGNED",
            stageDate: isoToDate(data.signedDate),
            status: "ACTIVE",
            createdById: actor.userId,
          },
          select: { id: true, code: true },
        });
        await tx.stageEvent.create({
          data: {
            projectId: project.id,
            type: "SIGN",
            fromStage: null,
            toStage: "SIGNED",
            fromStatus: null,
            toStatus: "ACTIVE",
            businessDate: isoToDate(data.signedDate),
            note: "签约入库",
            actorId: actor.userId,
          },
        });
        if (plan) {
          await tx.projectYearPlan.create({
            data: { projectId: project.id, year, plannedInvestment: plan.plannedInvestment, planStart: plan.planStart, planProduction: plan.planProduction },
          });
        }
        for (const p of people) {
          await tx.assignment.create({
            data: { parkId: data.parkId, role: p.role, userId: p.id, projectId: project.id, startDate: isoToDate(today), note: "项目入库时指定", createdById: actor.userId },
          });
        }
        const { planStartThisYear: _s, planProductionThisYear: _p, plannedInvestmentThisYear: _i, ...record } = data;
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "project.create",
          entityType: "Project",
          entityId: project.id,
          parkId: data.parkId,
          after: {
            ...record,
            id: project.id,
            code: project.code,
            enterpriseId: enterprise.id,
            stage: "SIGNED",
            status: "ACTIVE",
            yearPlan: plan ? { year, ...plan } : null,
            assignments: people.map((p) => ({ role: p.role, userId: p.id, userName: p.name, startDate: today })),
          },
        });
        return project;
      });
    } catch (e) {
      // The park lock makes a taken number unlikely (codes typed in by an import could still collide): try the next one.
      if (isUniqueViolation(e) && attempt + 1 < CODE_ATTEMPTS) continue;
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
      throw e;
    }
  }

  const duplicates = await findDuplicateProjects(actor, {
    parkId: data.parkId,
    name: data.name,
    enterpriseName: data.enterpriseName,
    excludeId: created.id,
  });
  return { id: created.id, code: created.code, duplicates };
}
