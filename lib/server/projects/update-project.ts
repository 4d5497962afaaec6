import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { signedDateProblem } from "@/lib/domain/transitions";
import { projectUpdateSchema, type ProjectUpdateData } from "@/lib/validation/project";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
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
] as const;
const ENTERPRISE_KEYS = ["enterpriseName", "creditCode", "legalPerson", "contactName", "contactPhone"] as const;
const PLAN_KEYS = ["plannedInvestmentThisYear", "planStartThisYear", "planProductionThisYear"] as const;
const DATE_KEYS = new Set(["signedDate", "registeredDate", "landSuppliedDate", "plannedStartDate", "plannedProductionDate"]);
const MONEY_KEYS = new Set(["totalInvestment", "contractInvestment", "registeredCapital", "landArea"]);

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

/**
 * Edits a project's ledger record. The caller sends the version they loaded; if someone
 * wrote the project since, nothing is written and the CONFLICT names who changed which
 * fields and when. The audit row holds only the fields that changed (before and after).
 * The stage, its dates and the status are not edited here: they move with
 * moveProjectStage / changeProjectStatus. The park cannot change.
 */
export async function updateProject(actor: Actor, id: number, input: unknown): Promise<{ version: number; changed: string[] }> {
  const parsed = parseOrThrow(projectUpdateSchema, input);
  const data: ProjectUpdateData = parsed;
  const db = getDb();
  const year = Number(todayInShanghai().slice(0, 4));

  const project = await db.project.findFirst({
    where: { AND: [{ id }, visibleProjectsWhere(actor)] },
    include: { enterprise: { select: ENTERPRISE_SELECT }, yearPlans: { where: { year } } },
  });
  if (!project) throw notFound("项目");
  assertCan(actor, "project.write", project.parkId, "项目");
  if (data.parkId !== undefined && data.parkId !== project.parkId) {
    const message = "项目所属园区不能修改";
    throw new AppError("VALIDATION", message, { parkId: [message] });
  }
  if (project.version !== data.version) throw await projectConflictError(db, project.id);

  const signedProblem = signedDateProblem({
    signedDate: data.signedDate,
    landedDate: project.landedDate && dateToIso(project.landedDate),
    actualStartDate: project.actualStartDate && dateToIso(project.actualStartDate),
    actualProductionDate: project.actualProductionDate && dateToIso(project.actualProductionDate),
  });
  if (signedProblem) throw new AppError("VALIDATION", signedProblem, { signedDate: [signedProblem] });

  const plan = project.yearPlans[0] ?? null;
  const valuesOf = (ent: EnterpriseRow, p: { plannedInvestment: unknown; planStart: boolean; planProduction: boolean } | null, row: Record<string, unknown>) => {
    const v = {} as Values;
    for (const k of PROJECT_KEYS) v[k] = plain(row[k], k);
    v.enterpriseName = ent.name;
    for (const k of ["creditCode", "legalPerson", "contactName", "contactPhone"] as const) v[k] = ent[k];
    v.plannedInvestmentThisYear = p ? plain(p.plannedInvestment, "plannedInvestmentThisYear") : null;
    v.planStartThisYear = p?.planStart ?? false;
    v.planProductionThisYear = p?.planProduction ?? false;
    return v;
  };
  const before = valuesOf(project.enterprise, plan, project);
  const wanted = yearPlanFrom(data);
  const requested = valuesOf(
    { ...project.enterprise, name: data.enterpriseName, creditCode: data.creditCode, legalPerson: data.legalPerson, contactName: data.contactName, contactPhone: data.contactPhone },
    wanted,
    data as unknown as Record<string, unknown>,
  );
  const touched = (keys: readonly FormKey[]) => keys.some((k) => !same(before[k], requested[k]));
  if (!touched([...PROJECT_KEYS, ...ENTERPRISE_KEYS, ...PLAN_KEYS])) return { version: project.version, changed: [] };

  try {
    const changed = await db.$transaction(async (tx) => {
      if (!same(before.name, requested.name) || !same(before.enterpriseName, requested.enterpriseName)) {
        await lockParkProjects(tx, project.parkId);
        await assertNoExactDuplicate(tx, project.parkId, data.name, data.enterpriseName, project.id);
      }
      const enterprise = touched(ENTERPRISE_KEYS) ? await resolveEnterprise(tx, project.parkId, project.enterprise, data, project.id) : project.enterprise;
      const after = valuesOf(enterprise, wanted, data as unknown as Record<string, unknown>);
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
    });
    return { version: data.version + 1, changed };
  } catch (e) {
    if (e instanceof StaleVersion) throw await projectConflictError(db, project.id);
    throw e;
  }
}
