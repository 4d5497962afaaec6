import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { blankedEvidenceProblems, signedDateProblem } from "@/lib/domain/transitions";
import { projectUpdateSchema, type ProjectUpdateData } from "@/lib/validation/project";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/server/errors";
import { StaleVersion, projectConflictError } from "./project-writes";
import { ENTERPRISE_SELECT, type EnterpriseRow, assertNoExactDuplicate, lockParkProjects, resolveEnterprise, yearPlanFrom } from "./project-record";

/** Form fields stored on the Project row. */
const PROJECT_KEYS = [
  "name",
  "industry",
  "source",
  "keyLevel",
  "specialLists",
  "content",
  "totalInvestment",
  "contractInvestment",
  "registeredCapital",
  "landArea",
  "signedDate",
  "registeredDate",
  "landSuppliedDate",
  "plannedStartDate",
  "plannedProductionDate",
  "responsibleUnit",
  "remark",
  "investmentCompletedBefore",
  "fundsArrivedBefore",
  "imageProgress",
  "problems",
] as const;
/** Fields an edit may leave out (the form does not show them): left out = unchanged. */
const KEPT_IF_ABSENT = new Set<string>(["investmentCompletedBefore", "fundsArrivedBefore", "imageProgress", "problems"]);
const ENTERPRISE_KEYS = ["enterpriseName", "creditCode", "legalPerson", "contactName", "contactPhone"] as const;
const PLAN_KEYS = ["plannedInvestmentThisYear", "planStartThisYear", "planProductionThisYear"] as const;
const DATE_KEYS = new Set(["signedDate", "registeredDate", "landSuppliedDate", "plannedStartDate", "plannedProductionDate"]);
const MONEY_KEYS = new Set(["totalInvestment", "contractInvestment", "registeredCapital", "landArea", "investmentCompletedBefore", "fundsArrivedBefore"]);

type FormKey = (typeof PROJECT_KEYS)[number] | (typeof ENTERPRISE_KEYS)[number] | (typeof PLAN_KEYS)[number];
type Value = string | boolean | string[] | null;
type Values = Record<FormKey, Value>;

function plain(value: unknown, key: string): Value {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === "string" || typeof value === "boolean" || Array.isArray(value)) return value;
  // Prisma's Decimal: always two decimals, like the form's normalised amounts.
  if (MONEY_KEYS.has(key) || key === "plannedInvestmentThisYear") return (value as { toFixed(n: number): string }).toFixed(2);
  return value as Value;
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b);

/** How the edit reads a project: the row, its enterprise and this year's plan. */
export const projectForUpdateInclude = (year: number) => ({ enterprise: { select: ENTERPRISE_SELECT }, yearPlans: { where: { year } } }) as const;
export type ProjectForUpdate = Prisma.ProjectGetPayload<{ include: { enterprise: { select: typeof ENTERPRISE_SELECT }; yearPlans: true } }>;

type PlanLike = { plannedInvestment: unknown; planStart: boolean; planProduction: boolean } | null;

function valuesOf(ent: EnterpriseRow, p: PlanLike, row: Record<string, unknown>, fallback?: Values): Values {
  const v = {} as Values;
  for (const k of PROJECT_KEYS) v[k] = fallback && KEPT_IF_ABSENT.has(k) && row[k] === undefined ? fallback[k] : plain(row[k], k);
  v.enterpriseName = ent.name;
  for (const k of ["creditCode", "legalPerson", "contactName", "contactPhone"] as const) v[k] = ent[k];
  v.plannedInvestmentThisYear = p ? plain(p.plannedInvestment, "plannedInvestmentThisYear") : null;
  v.planStartThisYear = p?.planStart ?? false;
  v.planProductionThisYear = p?.planProduction ?? false;
  return v;
}

function assertSamePark(project: { parkId: number }, data: ProjectUpdateData): void {
  if (data.parkId !== undefined && data.parkId !== project.parkId) {
    const message = "项目所属园区不能修改";
    throw new AppError("VALIDATION", message, { parkId: [message] });
  }
}

/**
 * The rules an edit is checked against with the stored project: the park stays, the signing
 * date stays on or before the stages reached, and the evidence of a reached stage is not
 * blanked (blankedEvidenceProblems). Throws a VALIDATION AppError naming the field.
 */
export function checkProjectUpdate(project: ProjectForUpdate, data: ProjectUpdateData): void {
  assertSamePark(project, data);
  const signedProblem = signedDateProblem({
    signedDate: data.signedDate,
    landedDate: project.landedDate && dateToIso(project.landedDate),
    actualStartDate: project.actualStartDate && dateToIso(project.actualStartDate),
    actualProductionDate: project.actualProductionDate && dateToIso(project.actualProductionDate),
  });
  if (signedProblem) throw new AppError("VALIDATION", signedProblem, { signedDate: [signedProblem] });
  const blanked = blankedEvidenceProblems(project.stage, { registeredDate: project.registeredDate && dateToIso(project.registeredDate) }, { registeredDate: data.registeredDate });
  if (Object.keys(blanked).length > 0) throw validationError(blanked);
}

/** True when the edit would change anything at all (no transaction is opened otherwise). */
function touchesAnything(project: ProjectForUpdate, data: ProjectUpdateData): boolean {
  const before = valuesOf(project.enterprise, project.yearPlans[0] ?? null, project);
  const requested = valuesOf(
    { ...project.enterprise, name: data.enterpriseName, creditCode: data.creditCode, legalPerson: data.legalPerson, contactName: data.contactName, contactPhone: data.contactPhone },
    yearPlanFrom(data),
    data as unknown as Record<string, unknown>,
    before,
  );
  return (Object.keys(before) as FormKey[]).some((k) => !same(before[k], requested[k]));
}

/**
 * Writes an edit of `project` (loaded with projectForUpdateInclude, checked with
 * checkProjectUpdate) inside `tx`: the versioned update (StaleVersion when the version in data is
 * no longer the stored one), the enterprise, the SIGN event's date, this year's plan and the
 * audit row with the fields changed, before and after. Shared by the edit form, the API's
 * PATCH and the ledger import (which runs it per project inside its one transaction).
 * Returns the fields changed (none: nothing written).
 */
export async function writeProjectUpdate(tx: Prisma.TransactionClient, actor: Actor, project: ProjectForUpdate, data: ProjectUpdateData, year: number): Promise<string[]> {
  const before = valuesOf(project.enterprise, project.yearPlans[0] ?? null, project);
  const wanted = yearPlanFrom(data);
  const requested = valuesOf(
    { ...project.enterprise, name: data.enterpriseName, creditCode: data.creditCode, legalPerson: data.legalPerson, contactName: data.contactName, contactPhone: data.contactPhone },
    wanted,
    data as unknown as Record<string, unknown>,
    before,
  );
  const touched = (keys: readonly FormKey[]) => keys.some((k) => !same(before[k], requested[k]));
  if (!touched([...PROJECT_KEYS, ...ENTERPRISE_KEYS, ...PLAN_KEYS])) return [];

  if (!same(before.name, requested.name) || !same(before.enterpriseName, requested.enterpriseName)) {
    await lockParkProjects(tx, project.parkId);
    await assertNoExactDuplicate(tx, project.parkId, data.name, data.enterpriseName, project.id);
  }
  const enterprise = touched(ENTERPRISE_KEYS) ? await resolveEnterprise(tx, project.parkId, project.enterprise, data, project.id) : project.enterprise;
  const after = valuesOf(enterprise, wanted, data as unknown as Record<string, unknown>, before);
  const changedKeys = (Object.keys(before) as FormKey[]).filter((k) => !same(before[k], after[k]));

  const columns: Record<string, unknown> = {};
  for (const k of PROJECT_KEYS) {
    if (same(before[k], after[k])) continue;
    const v = data[k];
    columns[k] = DATE_KEYS.has(k) && typeof v === "string" ? isoToDate(v) : v;
  }
  if (enterprise.id !== project.enterpriseId) columns.enterpriseId = enterprise.id;
  const signedChanged = !same(before.signedDate, after.signedDate);
  // A project still at 签约 reached its stage on the signing date.
  if (signedChanged && project.stage === "SIGNED") columns.stageDate = isoToDate(data.signedDate);

  const { count } = await tx.project.updateMany({ where: { id: project.id, version: data.version }, data: { ...columns, version: { increment: 1 } } });
  if (count === 0) throw new StaleVersion();
  if (signedChanged) {
    await tx.stageEvent.updateMany({ where: { projectId: project.id, type: "SIGN" }, data: { businessDate: isoToDate(data.signedDate) } });
  }
  if (PLAN_KEYS.some((k) => changedKeys.includes(k))) {
    if (wanted === null) await tx.projectYearPlan.deleteMany({ where: { projectId: project.id, year } });
    else {
      await tx.projectYearPlan.upsert({
        where: { projectId_year: { projectId: project.id, year } },
        create: { projectId: project.id, year, ...wanted },
        update: wanted,
      });
    }
  }
  await writeAudit(tx, {
    actorId: actor.userId,
    action: "project.update",
    entityType: "Project",
    entityId: project.id,
    parkId: project.parkId,
    before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
    after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
  });
  return changedKeys;
}

/**
 * Edits a project's ledger record. The caller sends the version they loaded; if someone
 * wrote the project since, nothing is written and the CONFLICT names who changed which
 * fields and when. The audit row holds only the fields that changed (before and after).
 * The stage, its dates and the status are not edited here: they move with
 * moveProjectStage / changeProjectStatus. The park cannot change, nor can the registration
 * date of a landed project be blanked. Opening balances, 形象进度 and 存在问题 left out of
 * the input stay as they are.
 */
export async function updateProject(actor: Actor, id: number, input: unknown): Promise<{ version: number; changed: string[] }> {
  const parsed = parseOrThrow(projectUpdateSchema, input);
  const data: ProjectUpdateData = parsed;
  const db = getDb();
  const year = Number(todayInShanghai().slice(0, 4));

  const project = await db.project.findFirst({ where: { AND: [{ id }, visibleProjectsWhere(actor)] }, include: projectForUpdateInclude(year) });
  if (!project) throw notFound("项目");
  assertCan(actor, "project.write", project.parkId, "项目");
  assertSamePark(project, data);
  if (project.version !== data.version) throw await projectConflictError(db, project.id);
  checkProjectUpdate(project, data);
  if (!touchesAnything(project, data)) return { version: project.version, changed: [] };

  try {
    const changed = await db.$transaction((tx) => writeProjectUpdate(tx, actor, project, data, year));
    return { version: data.version + 1, changed };
  } catch (e) {
    if (e instanceof StaleVersion) throw await projectConflictError(db, project.id);
    throw e;
  }
}
