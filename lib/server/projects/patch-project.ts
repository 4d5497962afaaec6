import "server-only";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { apiFieldErrors, projectPatchSchema } from "@/lib/validation/api-projects";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { getProject } from "./get-project";
import { updateProject } from "./update-project";

const iso = (d: Date | null) => (d ? dateToIso(d) : null);
const str = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : v.toString());

/**
 * A partial edit (the REST API's PATCH): the fields sent replace the stored ones, the rest
 * stay, and the merged record goes through updateProject, so the checks, the version
 * (optimistic locking), the audit row and the permissions are those of the edit form.
 */
export async function patchProject(actor: Actor, id: number, input: unknown): Promise<{ version: number; changed: string[] }> {
  const parsed = projectPatchSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "请检查标红的字段", apiFieldErrors(parsed.error));
  const p = await getProject(actor, id);
  const year = Number(todayInShanghai().slice(0, 4));
  const plan = p.yearPlans.find((y) => y.year === year);
  const stored: Record<string, unknown> = {
    parkId: p.parkId,
    name: p.name,
    industry: p.industry,
    source: p.source,
    keyLevel: p.keyLevel,
    specialLists: p.specialLists,
    content: p.content,
    enterpriseName: p.enterprise.name,
    creditCode: p.enterprise.creditCode,
    legalPerson: p.enterprise.legalPerson,
    contactName: p.enterprise.contactName,
    contactPhone: p.enterprise.contactPhone,
    totalInvestment: str(p.totalInvestment),
    contractInvestment: str(p.contractInvestment),
    registeredCapital: str(p.registeredCapital),
    landArea: str(p.landArea),
    plannedInvestmentThisYear: str(plan?.plannedInvestment),
    planStartThisYear: plan?.planStart ?? false,
    planProductionThisYear: plan?.planProduction ?? false,
    signedDate: iso(p.signedDate),
    registeredDate: iso(p.registeredDate),
    landSuppliedDate: iso(p.landSuppliedDate),
    plannedStartDate: iso(p.plannedStartDate),
    plannedProductionDate: iso(p.plannedProductionDate),
    responsibleUnit: p.responsibleUnit,
    remark: p.remark,
  };
  // Keys sent as undefined are absent from the raw input; only keys actually sent replace stored values.
  const sent = Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([k]) => k in parsed.data));
  return updateProject(actor, id, { ...stored, ...sent });
}
