import { describe, expect, it } from "vitest";
import { storedProjectValues } from "./project-values";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dec = (s: string) => ({ toString: () => s });

// Only the columns the mapper reads; the rest of getProject's row does not matter here.
const project = {
  parkId: 3,
  name: "年产10万吨新材料项目",
  industry: "新材料",
  source: "INDUSTRY_CHAIN",
  keyLevel: "CITY",
  specialLists: ["省五个100"],
  content: null,
  enterprise: { name: "湖南某材料有限公司", creditCode: null, legalPerson: "张三", contactName: null, contactPhone: "13800000000" },
  totalInvestment: dec("50000.00"),
  contractInvestment: dec("42000.00"),
  registeredCapital: null,
  landArea: dec("120.50"),
  yearPlans: [
    { year: 2025, plannedInvestment: dec("1.00"), planStart: true, planProduction: true },
    { year: 2026, plannedInvestment: dec("8000.00"), planStart: true, planProduction: false },
  ],
  signedDate: d("2026-03-01"),
  registeredDate: d("2026-04-10"),
  landSuppliedDate: null,
  plannedStartDate: d("2026-09-01"),
  plannedProductionDate: null,
  responsibleUnit: "招商一局",
  remark: null,
} as unknown as Parameters<typeof storedProjectValues>[0];

describe("storedProjectValues", () => {
  it("gives dates as YYYY-MM-DD, money as decimal strings, this year's plan flattened, null where empty", () => {
    expect(storedProjectValues(project, "2026-11-23")).toEqual({
      parkId: 3,
      name: "年产10万吨新材料项目",
      industry: "新材料",
      source: "INDUSTRY_CHAIN",
      keyLevel: "CITY",
      specialLists: ["省五个100"],
      content: null,
      enterpriseName: "湖南某材料有限公司",
      creditCode: null,
      legalPerson: "张三",
      contactName: null,
      contactPhone: "13800000000",
      totalInvestment: "50000.00",
      contractInvestment: "42000.00",
      registeredCapital: null,
      landArea: "120.50",
      plannedInvestmentThisYear: "8000.00",
      planStartThisYear: true,
      planProductionThisYear: false,
      signedDate: "2026-03-01",
      registeredDate: "2026-04-10",
      landSuppliedDate: null,
      plannedStartDate: "2026-09-01",
      plannedProductionDate: null,
      responsibleUnit: "招商一局",
      remark: null,
    });
  });

  it("has no plan values in a year without a plan row", () => {
    expect(storedProjectValues(project, "2027-01-05")).toMatchObject({ plannedInvestmentThisYear: null, planStartThisYear: false, planProductionThisYear: false });
  });
});
