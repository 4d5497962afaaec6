import { describe, expect, it } from "vitest";
import { fieldErrors } from "./field-errors";
import { apiYearPlanBodySchema, carryOverSchema, parkPlansQuerySchema, parkPlansSaveSchema, writeYearPlanSchema } from "./year-plans";

const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrors(r.error as never));

describe("a plan's cells", () => {
  it("reads amounts as typed and flags from checkboxes, JSON or Excel words", () => {
    const r = writeYearPlanSchema.parse({ projectId: "7", year: "2027", plannedInvestment: "1,234.5", planStart: "on", planProduction: "否" });
    expect(r).toEqual({ projectId: 7, year: 2027, plannedInvestment: "1234.50", planStart: true, planProduction: false, note: undefined });
    expect(writeYearPlanSchema.parse({ projectId: 7, year: 2027, plannedInvestment: 0, planStart: true, planProduction: "是", note: "  " })).toMatchObject({ plannedInvestment: "0.00", planProduction: true, note: null });
    expect(writeYearPlanSchema.parse({ projectId: 7, year: 2027, plannedInvestment: "" })).toMatchObject({ plannedInvestment: null, planStart: false, planProduction: false });
  });

  it("refuses bad cells by field, in Chinese", () => {
    expect(errorsOf(writeYearPlanSchema.safeParse({ projectId: 7, year: 1999, plannedInvestment: "abc", planStart: "maybe", planProduction: 2, note: "x".repeat(201) }))).toEqual({
      year: ["计划年份不能早于 2000 年"],
      plannedInvestment: ["本年计划投资须为数字，最多两位小数"],
      planStart: ["计划本年开工须为是或否（true / false）"],
      planProduction: ["计划本年投产须为是或否（true / false）"],
      note: ["备注不能超过 200 个字符"],
    });
    expect(errorsOf(writeYearPlanSchema.safeParse({ projectId: 7, year: 2027, plannedInvestment: "100000000" }))).toEqual({ plannedInvestment: ["本年计划投资不能超过 99,999,999.99 万元"] });
    expect(errorsOf(writeYearPlanSchema.safeParse({ projectId: 7, year: 2027, plannedInvestment: "1", note: "a\u0000b" }))).toEqual({ note: [expect.stringContaining("无法保存的字符")] });
  });

  it("the API's PUT needs the amount (0 allowed)", () => {
    expect(errorsOf(apiYearPlanBodySchema.safeParse({}))).toEqual({ plannedInvestment: ["请填写本年计划投资"] });
    expect(errorsOf(apiYearPlanBodySchema.safeParse({ plannedInvestment: null }))).toEqual({ plannedInvestment: ["请填写本年计划投资"] });
    expect(apiYearPlanBodySchema.parse({ plannedInvestment: 0 })).toMatchObject({ plannedInvestment: "0.00", planStart: false });
  });
});

describe("the grid, the list and the carry-over", () => {
  it("a grid save takes 1 to 200 distinct projects", () => {
    expect(errorsOf(parkPlansSaveSchema.safeParse({ parkId: 1, year: 2027, rows: [] }))).toEqual({ rows: ["没有要保存的修改"] });
    const rows = Array.from({ length: 201 }, (_, i) => ({ projectId: i + 1, plannedInvestment: "1" }));
    expect(errorsOf(parkPlansSaveSchema.safeParse({ parkId: 1, year: 2027, rows }))).toEqual({ rows: ["一次最多保存 200 行，请分页保存"] });
    expect(errorsOf(parkPlansSaveSchema.safeParse({ parkId: 1, year: 2027, rows: [{ projectId: 3 }, { projectId: 3 }] }))).toEqual({ "rows.1.projectId": ["同一项目在提交中出现了两次"] });
  });

  it("the list's filters and the carry-over's mode", () => {
    expect(parkPlansQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(errorsOf(parkPlansQuerySchema.safeParse({ only: "all", pageSize: "0" }))).toEqual({ only: ["筛选须为 planned（已列入计划）或 unplanned（未列入计划）"], pageSize: ["每页条数不能小于 1"] });
    expect(carryOverSchema.parse({ parkId: "3", year: "2026" })).toEqual({ parkId: 3, year: 2026, mode: "remainder" });
  });
});
