import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { dateProblem, hasUnstorableChars, optionalDate, optionalText, requiredDate, requiredText, searchText, withoutUnstorableChars } from "./fields";
import { projectFormSchema } from "./project";
import { progressReportSchema } from "./progress";
import { createIssueSchema, createVisitSchema, holidayUpsertSchema, issueActionSchema, issueFiltersSchema, visitFiltersSchema } from "./issues";
import { enterpriseCreateSchema, enterpriseListSchema, enterpriseMergeSchema, enterpriseSearchSchema, enterpriseUpdateSchema, endAssignmentSchema } from "./enterprises";
import { assignSchema, coverageFiltersSchema } from "./assignments";
import { moveStageSchema, statusChangeSchema } from "./transition";
import { boardFiltersSchema } from "./board-filters";
import { projectFiltersSchema } from "./project-filters";
import { auditFiltersSchema } from "./audit";
import { createApiTokenSchema } from "./api-tokens";
import { regionCreateSchema } from "./org";
import { userCreateSchema } from "./users";
import { signInSchema } from "./sign-in";

const NUL = "\u0000";
const LONE_HIGH = "\uD83D"; // the first half of 😀 alone
const LONE_LOW = "\uDE00";

describe("text the database cannot store", () => {
  it("finds NUL and unpaired surrogates, and nothing in ordinary text or whole emoji", () => {
    for (const bad of [NUL, `a${NUL}b`, LONE_HIGH, `${LONE_HIGH}x`, LONE_LOW, `x${LONE_LOW}`, `${LONE_LOW}${LONE_HIGH}`]) expect(hasUnstorableChars(bad)).toBe(true);
    for (const good of ["", "怀化高新区 2026", "😀", "a😀b", "\t\n", "\u0001"]) expect(hasUnstorableChars(good)).toBe(false);
    expect(withoutUnstorableChars(`台${NUL}账${LONE_HIGH}.xlsx😀`)).toBe("台账.xlsx😀");
  });

  it.each([
    ["requiredText", requiredText("项目名称", 100)],
    ["optionalText", optionalText("备注", 100)],
    ["searchText", searchText()],
  ] as [string, z.ZodType][])("%s refuses them with a Chinese message naming the field", (_name, schema) => {
    for (const bad of [`a${NUL}`, `a${LONE_HIGH}`, `${LONE_LOW}a`]) {
      const r = schema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].message).toMatch(/^(项目名称|备注|搜索词)含有无法保存的字符/);
    }
    expect(schema.safeParse("年产😀项目").success).toBe(true);
  });

  // Every schema that takes text, at one text field each: a NUL there is a 422 on that field, never a database error.
  const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
    ["project form", projectFormSchema, { name: `x${NUL}` }, "name"],
    ["project form, a list item", projectFormSchema, { specialLists: [`省重点${NUL}`] }, "specialLists.0"],
    ["project form, an amount", projectFormSchema, { totalInvestment: `12${NUL}` }, "totalInvestment"],
    ["monthly filing", progressReportSchema, { imageProgress: `主体${LONE_HIGH}` }, "imageProgress"],
    ["problem", createIssueSchema, { title: `t${NUL}` }, "title"],
    ["visit", createVisitSchema, { summary: `s${LONE_LOW}` }, "summary"],
    ["problem action", issueActionSchema, { issueId: 1, version: 1, action: "comment", note: `n${NUL}` }, "note"],
    ["holiday", holidayUpsertSchema, { date: "2026-10-01", kind: "HOLIDAY", name: `国庆${NUL}` }, "name"],
    ["enterprise", enterpriseCreateSchema, { parkId: 1, name: `e${NUL}` }, "name"],
    ["enterprise change", enterpriseUpdateSchema, { address: `a${LONE_HIGH}` }, "address"],
    ["enterprise merge", enterpriseMergeSchema, { survivorId: 1, duplicateId: 2, reason: `r${NUL}` }, "reason"],
    ["end of 包保", endAssignmentSchema, { assignmentId: 1, reason: `r${NUL}` }, "reason"],
    ["assignment", assignSchema, { targetType: "PROJECT", targetId: 1, role: "LIAISON", userId: 1, startDate: "2026-01-05", note: `n${NUL}` }, "note"],
    ["stage move", moveStageSchema, { projectId: 1, version: 1, toStage: "LANDED", landed: { date: `2026${NUL}` } }, "landed.date"],
    ["status change", statusChangeSchema, { projectId: 1, version: 1, action: "SUSPEND", reason: `r${LONE_HIGH}` }, "reason"],
    ["API token", createApiTokenSchema, { name: `t${NUL}`, scope: "READ", parkIds: [1] }, "name"],
    ["region", regionCreateSchema, { name: `r${NUL}`, code: "HH" }, "name"],
    ["user", userCreateSchema, { username: "zhang3", name: `张${NUL}` }, "name"],
    ["sign-in", signInSchema, { username: `admin${NUL}`, password: "x" }, "username"],
    ["board filters", boardFiltersSchema, { q: `q${NUL}` }, "q"],
    ["board filters, industry", boardFiltersSchema, { industry: `i${LONE_LOW}` }, "industry"],
    ["ledger filters", projectFiltersSchema, { q: `q${NUL}` }, "q"],
    ["problem filters", issueFiltersSchema, { q: `q${NUL}` }, "q"],
    ["visit filters", visitFiltersSchema, { q: `q${LONE_HIGH}` }, "q"],
    ["enterprise list", enterpriseListSchema, { q: `q${NUL}` }, "q"],
    ["enterprise picker", enterpriseSearchSchema, { q: `q${NUL}` }, "q"],
    ["coverage filters", coverageFiltersSchema, { q: `q${NUL}` }, "q"],
    ["audit filters", auditFiltersSchema, { who: `w${NUL}` }, "who"],
  ];
  it.each(cases)("%s", (_name, schema, input, path) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join(".") === path && /含有无法保存的字符/.test(i.message));
    expect(issue, `${path}: ${JSON.stringify(r.error!.issues.map((i) => [i.path.join("."), i.message]))}`).toBeDefined();
  });
});

describe("dates", () => {
  it("refuses dates before 1990 with a Chinese message", () => {
    expect(dateProblem("签约日期", "1989-12-31")).toBe("签约日期不能早于 1990 年");
    expect(dateProblem("签约日期", "1990-01-01")).toBeNull();
    expect(dateProblem("签约日期", "2026-02-30")).toBe("签约日期不是有效日期（格式 YYYY-MM-DD）");
    expect(dateProblem("走访日期", "2999-01-01", { notFuture: true })).toBe("走访日期不能晚于今天");
  });

  it("the shared builders and the schemas built on them", () => {
    expect(requiredDate("提出日期").safeParse("1900-01-01").error?.issues[0].message).toBe("提出日期不能早于 1990 年");
    expect(requiredDate("提出日期").safeParse(" ").error?.issues[0].message).toBe("请填写提出日期");
    expect(requiredDate("提出日期").safeParse(" 2026-01-05 ").data).toBe("2026-01-05");
    expect(optionalDate("办结时限").safeParse("0999-01-01").error?.issues[0].message).toBe("办结时限不能早于 1990 年");
    expect(optionalDate("办结时限").safeParse("").data).toBeNull();
    const project = projectFormSchema.safeParse({ signedDate: "1985-06-01" });
    expect(project.error!.issues.find((i) => i.path[0] === "signedDate")?.message).toBe("签约日期不能早于 1990 年");
    const visit = createVisitSchema.safeParse({ visitDate: "1970-01-01" });
    expect(visit.error!.issues.find((i) => i.path[0] === "visitDate")?.message).toBe("走访日期不能早于 1990 年");
  });
});

describe("amounts", () => {
  it("refuse thousands separators in the wrong places, naming the field", () => {
    for (const bad of ["12,34,5.6", "1,2345", "1234,567", ",123", "1,234.5,6", "1 2 3"]) {
      const r = projectFormSchema.safeParse({ totalInvestment: bad });
      expect(r.error!.issues.find((i) => i.path[0] === "totalInvestment")?.message, bad).toBe("总投资的千位分隔符位置不对：逗号只能每三位一个（如 12,345.67），也可以不写逗号");
    }
    const monthly = progressReportSchema.safeParse({ investmentCompleted: "1,00,000" });
    expect(monthly.error!.issues.find((i) => i.path[0] === "investmentCompleted")?.message).toMatch(/^本月完成投资的千位分隔符位置不对/);
    for (const good of ["12,345.6", "1,234,567", "12345.6", " 8,000 ", "1，234"]) {
      const r = projectFormSchema.safeParse({ totalInvestment: good });
      expect(r.error?.issues.find((i) => i.path[0] === "totalInvestment"), good).toBeUndefined();
    }
  });
});
