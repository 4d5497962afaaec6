import type { z } from "zod";
import { dateToIso } from "@/lib/domain/dates";
import type { getProject } from "@/lib/server/projects/get-project";
import type { projectDetailSchema } from "./schemas";

type Project = Awaited<ReturnType<typeof getProject>>;
type Dec = { toFixed(n: number): string };

const d = (v: Date | null) => (v ? dateToIso(v) : null);
const m = (v: Dec | null) => (v ? v.toFixed(2) : null);

/** The stored project as the API's Project: money as 2-decimal strings, business dates as YYYY-MM-DD. */
export function projectToJson(p: Project): z.output<typeof projectDetailSchema> {
  return {
    id: p.id,
    code: p.code,
    version: p.version,
    parkId: p.parkId,
    parkName: p.park.name,
    regionName: p.park.region.name,
    name: p.name,
    enterprise: {
      id: p.enterprise.id,
      name: p.enterprise.name,
      creditCode: p.enterprise.creditCode,
      legalPerson: p.enterprise.legalPerson,
      contactName: p.enterprise.contactName,
      contactPhone: p.enterprise.contactPhone,
    },
    industry: p.industry,
    source: p.source,
    keyLevel: p.keyLevel,
    specialLists: p.specialLists,
    content: p.content,
    totalInvestment: p.totalInvestment.toFixed(2),
    contractInvestment: p.contractInvestment.toFixed(2),
    registeredCapital: m(p.registeredCapital),
    landArea: m(p.landArea),
    investmentCompletedBefore: p.investmentCompletedBefore.toFixed(2),
    fundsArrivedBefore: p.fundsArrivedBefore.toFixed(2),
    signedDate: dateToIso(p.signedDate),
    registeredDate: d(p.registeredDate),
    landSuppliedDate: d(p.landSuppliedDate),
    landedDate: d(p.landedDate),
    plannedStartDate: d(p.plannedStartDate),
    actualStartDate: d(p.actualStartDate),
    plannedProductionDate: d(p.plannedProductionDate),
    actualProductionDate: d(p.actualProductionDate),
    capacity: p.capacity,
    stage: p.stage,
    stageDate: dateToIso(p.stageDate),
    status: p.status,
    statusDate: d(p.statusDate),
    statusReason: p.statusReason,
    imageProgress: p.imageProgress,
    problems: p.problems,
    responsibleUnit: p.responsibleUnit,
    remark: p.remark,
    yearPlans: p.yearPlans.map((y) => ({ year: y.year, plannedInvestment: y.plannedInvestment.toFixed(2), planStart: y.planStart, planProduction: y.planProduction })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
