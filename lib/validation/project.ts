// The project record as typed in the form, validated by the same schema in the browser
// and on the server. Every message names the field and the rule in Chinese; errors land
// on their own field (cross-field rules included), so the form can mark each one.
//
// Input is what a form holds: text for money and dates ("12,345.6", "2025-03-01", ""),
// numbers tolerated for API callers. Output is normalised: money a 2-decimal string in
// 万元 (never a float), dates YYYY-MM-DD, empty optional text null.

import { z } from "zod";
import { PHONE, optionalDate, optionalText, requiredDate, requiredText, unstorableMessage, userString, hasUnstorableChars } from "./fields";
import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { hasMisplacedSeparators, misplacedSeparatorsMessage, parseWan } from "@/lib/domain/money";
import { PROJECT_FIELD_LABELS as L } from "@/lib/domain/project-fields";

export const PROJECT_SOURCES = ["BUSINESS_REFERRAL", "INDUSTRY_CHAIN", "PROFESSIONAL", "KINSHIP", "AGENCY", "ONLINE", "OTHER"] as const;
export const PROJECT_KEY_LEVELS = ["PROVINCIAL", "CITY", "COUNTY", "NONE"] as const;

/** Largest amount a Decimal(14,2) column in 万元 can hold. */
export const MONEY_MAX = "99999999.99";
const MONEY_MAX_TEXT = "99,999,999.99";
/** 18 characters of the national standard alphabet (no I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;


// ---------------------------------------------------------------- field builders

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");


/** Why a money/area text is wrong, or null. `unit` ends the range message ("万元", "亩"). */
export function amountProblem(label: string, raw: string, unit: string): string | null {
  if (hasUnstorableChars(raw)) return unstorableMessage(label);
  if (hasMisplacedSeparators(raw)) return misplacedSeparatorsMessage(label);
  const value = parseWan(raw);
  if (value === null) return `${label}须为数字，最多两位小数`;
  if (value.startsWith("-")) return `${label}不能为负数`;
  if (Number(value) > Number(MONEY_MAX)) return `${label}不能超过 ${MONEY_MAX_TEXT} ${unit}`;
  return null;
}

const missing = (input: unknown) => input === undefined || input === null;
const asText = (v: string | number) => (typeof v === "number" ? String(v) : v);

/** Problems of a typed amount (blank allowed), as zod issues. */
function checkAmount(label: string, unit: string, required: boolean) {
  return (v: string | number | null | undefined, ctx: z.RefinementCtx) => {
    if (isBlank(v)) {
      if (required) ctx.addIssue({ code: "custom", message: `请填写${label}` });
      return;
    }
    const problem = amountProblem(label, asText(v!), unit);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** A required amount as typed ("12,345.6" or a JSON number) -> "12345.60". */
function requiredAmount(label: string, unit: string) {
  return z
    .union([z.string(), z.number()], { error: (iss) => (missing(iss.input) ? `请填写${label}` : `${label}须为数字`) })
    .superRefine(checkAmount(label, unit, true))
    .transform((v) => parseWan(asText(v)) as string);
}

/** An optional amount; blank -> null. */
function optionalAmount(label: string, unit: string) {
  return z
    .union([z.string(), z.number()], { error: `${label}须为数字` })
    .nullish()
    .superRefine(checkAmount(label, unit, false))
    .transform((v) => (isBlank(v) ? null : parseWan(asText(v!))));
}

/**
 * An opening balance (期初: completed or arrived before monthly filing began, e.g. from an
 * imported ledger). Left out: unchanged on an edit, 0 on create; blank: 0.
 */
function openingBalance(label: string) {
  return optionalAmount(label, "万元")
    .transform((v) => v ?? "0.00")
    .optional();
}

/** Checkbox values: a form posts "on" (or nothing), JSON posts true/false. */
function flag(label: string) {
  return z.preprocess(
    (v) => (v === "on" || v === "true" || v === "1" ? true : v === "false" || v === "0" || v === "" || v === null ? false : v),
    z.boolean({ error: `${label}须为是或否` }).optional(),
  );
}

/** A list typed as "省五个100、市重点产业链" or sent as an array. */
const specialLists = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,，、;；\n]/) : v ?? []),
  z
    .array(userString(L.specialLists).trim().max(50, `${L.specialLists}每项不能超过 50 个字符`), {
      error: `${L.specialLists}须为文本列表`,
    })
    .transform((list) => [...new Set(list.filter((s) => s !== ""))])
    .refine((list) => list.length <= 10, `${L.specialLists}最多 10 项`),
);

const parkId = z.coerce
  .number({ error: `请选择${L.parkId}` })
  .int(`请选择${L.parkId}`)
  .min(1, `请选择${L.parkId}`)
  .max(2_147_483_647, `请选择${L.parkId}`);

// ---------------------------------------------------------------- the record

const projectShape = {
  name: requiredText(L.name, 100),
  enterpriseName: requiredText(L.enterpriseName, 100),
  creditCode: userString(L.creditCode)
    .nullish()
    .transform((v) => (isBlank(v) ? null : v!.trim().toUpperCase()))
    .refine((v) => v === null || CREDIT_CODE.test(v), `${L.creditCode}须为 18 位数字或大写字母（不含 I、O、S、V、Z）`),
  legalPerson: optionalText(L.legalPerson, 50),
  contactName: optionalText(L.contactName, 50),
  contactPhone: optionalText(L.contactPhone, 20).refine(
    (v) => v === null || PHONE.test(v),
    `${L.contactPhone}格式不正确（7-20 位数字，可含 - 和空格）`,
  ),
  parkId,
  industry: requiredText(L.industry, 50),
  source: z.enum(PROJECT_SOURCES, { error: `请选择${L.source}` }).default("OTHER"),
  keyLevel: z.enum(PROJECT_KEY_LEVELS, { error: `请选择${L.keyLevel}` }).default("NONE"),
  specialLists,
  content: optionalText(L.content, 2000),
  totalInvestment: requiredAmount(L.totalInvestment, "万元"),
  contractInvestment: requiredAmount(L.contractInvestment, "万元"),
  registeredCapital: optionalAmount(L.registeredCapital, "万元"),
  landArea: optionalAmount(L.landArea, "亩"),
  signedDate: requiredDate(L.signedDate),
  registeredDate: optionalDate(L.registeredDate),
  landSuppliedDate: optionalDate(L.landSuppliedDate),
  plannedStartDate: optionalDate(L.plannedStartDate),
  plannedProductionDate: optionalDate(L.plannedProductionDate),
  responsibleUnit: optionalText(L.responsibleUnit, 100),
  remark: optionalText(L.remark, 1000),
  /** 本年计划投资 for the current year (ProjectYearPlan); blank with both flags off = no plan this year. */
  plannedInvestmentThisYear: optionalAmount(L.plannedInvestmentThisYear, "万元"),
  planStartThisYear: flag(L.planStartThisYear),
  planProductionThisYear: flag(L.planProductionThisYear),
  /** 期初累计完成投资 / 期初累计到位资金 (Project.*Before); left out = unchanged. */
  investmentCompletedBefore: openingBalance(L.investmentCompletedBefore),
  fundsArrivedBefore: openingBalance(L.fundsArrivedBefore),
  /** The ledger's latest 形象进度 / 存在问题 (each month's filing replaces them); left out = unchanged. */
  imageProgress: optionalText(L.imageProgress, 500).optional(),
  problems: optionalText(L.problems, 1000).optional(),
};

type Ctx = z.RefinementCtx;

/** A field's value if it parsed to a usable date/amount; raw values of failed fields are ignored. */
const okDate = (v: unknown) => (typeof v === "string" && isIsoDate(v) ? v : null);
const okAmount = (v: unknown) => (typeof v === "string" && amountProblem("", v, "") === null ? parseWan(v) : null);

/**
 * Rules between fields. They run even when other fields failed (so the user sees every
 * problem at once) and look only at values that parsed.
 */
function crossFieldRules(v: Record<string, unknown>, ctx: Ctx): void {
  if (typeof v !== "object" || v === null) return; // not an object at all: already reported
  const today = todayInShanghai();
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });

  for (const key of ["signedDate", "registeredDate", "landSuppliedDate"] as const) {
    const d = okDate(v[key]);
    if (d && d > today) issue(key, `${L[key]}不能晚于今天`);
  }
  const signed = okDate(v.signedDate);
  const plannedStart = okDate(v.plannedStartDate);
  const plannedProduction = okDate(v.plannedProductionDate);
  if (signed && plannedStart && plannedStart < signed) issue("plannedStartDate", `${L.plannedStartDate}不能早于${L.signedDate}`);
  if (plannedStart && plannedProduction && plannedProduction < plannedStart) {
    issue("plannedProductionDate", `${L.plannedProductionDate}不能早于${L.plannedStartDate}`);
  } else if (!plannedStart && signed && plannedProduction && plannedProduction < signed) {
    issue("plannedProductionDate", `${L.plannedProductionDate}不能早于${L.signedDate}`);
  }

  const total = okAmount(v.totalInvestment);
  const contract = okAmount(v.contractInvestment);
  // 合同引资额 is the outside capital contracted: it can be less than 总投资, never more.
  if (total && contract && Number(contract) > Number(total)) {
    issue("contractInvestment", `${L.contractInvestment}不能大于${L.totalInvestment}`);
  }
}

const always = { when: () => true };

export const projectFormSchema = z.object(projectShape, { error: "请求格式不正确" }).superRefine(crossFieldRules, always);

const optionalUserId = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: `请选择${label}` }).int(`请选择${label}`).min(1, `请选择${label}`).max(2_147_483_647, `请选择${label}`).optional(),
  );

/**
 * Creating: the record plus, optionally, the 包保责任人 and 包保领导 who take the project
 * from the day it is entered (every project should have both; the project page can assign
 * them later when they are not known yet).
 */
export const projectCreateSchema = z
  .object({ ...projectShape, liaisonUserId: optionalUserId("包保责任人"), leaderUserId: optionalUserId("包保领导") }, { error: "请求格式不正确" })
  .superRefine(crossFieldRules, always);
export type ProjectCreateInput = z.input<typeof projectCreateSchema>;
export type ProjectCreateData = z.output<typeof projectCreateSchema>;

/**
 * Editing: the same record plus the version the user loaded (optimistic locking). The park
 * cannot change (the project code carries it), so parkId may be left out; if sent it must
 * be the project's park.
 */
export const projectUpdateSchema = z
  .object({
    ...projectShape,
    parkId: parkId.optional(),
    version: z.coerce.number({ error: "版本号无效，请刷新页面" }).int("版本号无效，请刷新页面").min(1, "版本号无效，请刷新页面"),
  }, { error: "请求格式不正确" })
  .superRefine(crossFieldRules, always);

/** What the form holds (strings as typed). */
export type ProjectFormInput = z.input<typeof projectFormSchema>;
/** Normalised record the server writes. */
export type ProjectFormData = z.output<typeof projectFormSchema>;
export type ProjectUpdateInput = z.input<typeof projectUpdateSchema>;
export type ProjectUpdateData = z.output<typeof projectUpdateSchema>;

