// A stored project as the values an edit starts from. Pure: the edit page and the API's
// PATCH (lib/server/projects/patch-project.ts) both start from it.

import type { getProject } from "@/lib/server/projects/get-project";
import { dateToIso, todayInShanghai } from "./dates";

type Project = Awaited<ReturnType<typeof getProject>>;

const iso = (d: Date | null) => (d ? dateToIso(d) : null);
const str = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : v.toString());

/**
 * A stored project as the ledger fields an edit starts from (the edit form's initial values,
 * the API's PATCH before the fields sent replace them): dates YYYY-MM-DD, money and land
 * as decimal strings, this year's plan flattened; null where the record has nothing.
 */
export function storedProjectValues(p: Project, today = todayInShanghai()) {
  const year = Number(today.slice(0, 4));
  const plan = p.yearPlans.find((y) => y.year === year);
  return {
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
}
