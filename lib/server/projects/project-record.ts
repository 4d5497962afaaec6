import "server-only";
// Pieces of the ledger record shared by creating and editing a project: the per-park
// lock, the exact-duplicate refusal, the enterprise behind the project and this year's plan.

import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { ProjectFormData } from "@/lib/validation/project";
import { AppError } from "@/lib/server/errors";

type Tx = Prisma.TransactionClient;

/** Namespace of the advisory locks taken on a park's projects ("PRJ"). */
const PROJECT_LOCK_CLASS = 0x50524a;

/**
 * Serialises creations and renames of projects within one park until the transaction
 * ends, so "no exact duplicate" and "next free number" stay true until commit.
 */
export async function lockParkProjects(tx: Tx, parkId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PROJECT_LOCK_CLASS}::int, ${parkId}::int)`;
}

/** Refuses a project with the same name and enterprise as another one of the park. */
export async function assertNoExactDuplicate(tx: Tx, parkId: number, name: string, enterpriseName: string, excludeId: number | null): Promise<void> {
  const twin = await tx.project.findFirst({
    where: {
      parkId,
      name: { equals: name, mode: "insensitive" },
      enterprise: { name: { equals: enterpriseName, mode: "insensitive" } },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    select: { code: true },
  });
  if (twin) {
    const message = `该园区已有同名项目（${twin.code}，同一投资主体），重新签约的项目请在原项目上更新`;
    throw new AppError("VALIDATION", message, { name: [message] });
  }
}

export const ENTERPRISE_SELECT = {
  id: true,
  parkId: true,
  name: true,
  creditCode: true,
  legalPerson: true,
  contactName: true,
  contactPhone: true,
} as const;
export type EnterpriseRow = Prisma.EnterpriseGetPayload<{ select: typeof ENTERPRISE_SELECT }>;

type EnterpriseInput = Pick<ProjectFormData, "enterpriseName" | "creditCode" | "legalPerson" | "contactName" | "contactPhone" | "industry">;

const CONTACTS = ["legalPerson", "contactName", "contactPhone"] as const;

/**
 * The enterprise a project belongs to after a create or an edit, written as needed.
 *
 * - Create (`current` null): the park's enterprise of that name, or a new one; contacts
 *   typed in fill the gaps and update what changed, blanks never erase.
 * - Edit, same name: the form shows this enterprise's contacts, so they are replaced.
 * - Edit, new name: another enterprise of the park with that name (re-pointing the
 *   project, contacts as on create); otherwise the enterprise is renamed when it is the
 *   same company (same credit code) or has no other project (a typo); otherwise a new one.
 *
 * A credit code belongs to one enterprise of the park (the same company investing in
 * another park has its own record there): typing another enterprise's code is refused on
 * the field.
 */
export async function resolveEnterprise(
  tx: Tx,
  parkId: number,
  current: EnterpriseRow | null,
  data: EnterpriseInput,
  projectId: number | null,
): Promise<EnterpriseRow> {
  const rows = await tx.enterprise.findMany({
    where: { parkId, OR: [{ name: data.enterpriseName }, ...(data.creditCode ? [{ creditCode: data.creditCode }] : [])] },
    select: ENTERPRISE_SELECT,
  });
  const byName = rows.find((r) => r.parkId === parkId && r.name === data.enterpriseName);

  let target: EnterpriseRow | null;
  let replace: boolean;
  if (current && current.name === data.enterpriseName) {
    target = current;
    replace = true;
  } else if (byName) {
    target = byName;
    replace = false;
  } else if (
    current &&
    ((data.creditCode !== null && current.creditCode === data.creditCode) ||
      (await tx.project.count({ where: { enterpriseId: current.id, id: { not: projectId ?? 0 } } })) === 0)
  ) {
    target = current;
    replace = true;
  } else {
    target = null;
    replace = true;
  }

  const holder = data.creditCode ? rows.find((r) => r.creditCode === data.creditCode) : undefined;
  if (holder && holder.id !== target?.id) {
    const message = `统一社会信用代码已登记在「${holder.name}」名下`;
    throw new AppError("VALIDATION", message, { creditCode: [message] });
  }
  if (!replace && target?.creditCode && data.creditCode && target.creditCode !== data.creditCode) {
    const message = `「${target.name}」已登记统一社会信用代码 ${target.creditCode}，与填写的不一致`;
    throw new AppError("VALIDATION", message, { creditCode: [message] });
  }

  if (!target) {
    return tx.enterprise.create({
      data: {
        parkId,
        name: data.enterpriseName,
        creditCode: data.creditCode,
        legalPerson: data.legalPerson,
        contactName: data.contactName,
        contactPhone: data.contactPhone,
        industry: data.industry,
      },
      select: ENTERPRISE_SELECT,
    });
  }

  const update: Prisma.EnterpriseUpdateInput = {};
  if (target.name !== data.enterpriseName) update.name = data.enterpriseName;
  if (data.creditCode !== target.creditCode && (replace || data.creditCode !== null)) update.creditCode = data.creditCode;
  for (const key of CONTACTS) {
    if (data[key] !== target[key] && (replace || data[key] !== null)) update[key] = data[key];
  }
  if (Object.keys(update).length === 0) return target;
  return tx.enterprise.update({ where: { id: target.id }, data: update, select: ENTERPRISE_SELECT });
}

export interface YearPlanValues {
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
}

/** This year's plan from the form, or null when the form plans nothing for this year. */
export function yearPlanFrom(data: Pick<ProjectFormData, "plannedInvestmentThisYear" | "planStartThisYear" | "planProductionThisYear">): YearPlanValues | null {
  const investment = data.plannedInvestmentThisYear ?? null;
  const planStart = data.planStartThisYear === true;
  const planProduction = data.planProductionThisYear === true;
  if (investment === null && !planStart && !planProduction) return null;
  return { plannedInvestment: investment ?? "0.00", planStart, planProduction };
}
