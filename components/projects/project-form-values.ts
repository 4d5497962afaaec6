import type { getProject } from "@/lib/server/projects/get-project";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import type { ProjectFormValues } from "./project-form";

type Project = Awaited<ReturnType<typeof getProject>>;

const iso = (d: Date | null) => (d ? dateToIso(d) : undefined);
const str = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? undefined : v.toString());

/** A stored project as the edit form's initial values. */
export function projectToFormValues(p: Project): ProjectFormValues {
  const year = Number(todayInShanghai().slice(0, 4));
  const plan = p.yearPlans.find((y) => y.year === year);
  return {
    version: p.version,
    parkId: p.parkId,
    name: p.name,
    industry: p.industry,
    source: p.source,
    keyLevel: p.keyLevel,
    specialLists: p.specialLists,
    content: p.content ?? undefined,
    enterpriseName: p.enterprise.name,
    creditCode: p.enterprise.creditCode ?? undefined,
    legalPerson: p.enterprise.legalPerson ?? undefined,
    contactName: p.enterprise.contactName ?? undefined,
    contactPhone: p.enterprise.contactPhone ?? undefined,
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
    responsibleUnit: p.responsibleUnit ?? undefined,
    remark: p.remark ?? undefined,
  };
}
