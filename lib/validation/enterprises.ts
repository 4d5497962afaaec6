// The enterprise registry (一企一档) as it arrives from a form, a server action or the API:
// creating and editing an enterprise, merging a duplicate into the record that survives,
// ending an enterprise's 包保 without a successor, and the list, search and picker
// filters. Messages are Chinese and name the field and the rule; rules that need stored
// data (a name or credit code taken in the park, an archived park) are lib/server's.

import { z } from "zod";
import { todayInShanghai } from "@/lib/domain/dates";
import { type RawSearchParams, parseUrlFilters, urlId, urlPage } from "./url-filters";
import { dateProblem, requiredText, searchText, userString } from "./fields";


/** Field key -> label, for messages, forms and the audit page. */
export const ENTERPRISE_FIELD_LABELS = {
  parkId: "所属园区",
  name: "企业名称",
  creditCode: "统一社会信用代码",
  legalPerson: "法定代表人",
  contactName: "联系人",
  contactPhone: "联系电话",
  address: "地址",
  industry: "所属行业",
} as const;
const L = ENTERPRISE_FIELD_LABELS;

/** The editable fields, in form order. */
export const ENTERPRISE_FIELDS = ["name", "creditCode", "legalPerson", "contactName", "contactPhone", "address", "industry"] as const;
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];

// The same rules as the project form's enterprise fields (lib/validation/project.ts), so
// an enterprise typed on either form is held to one standard.
/** 18 characters of the national standard alphabet (no I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const PHONE = /^\+?[0-9][0-9\- ]{5,18}[0-9]$/;
const INT_MAX = 2_147_483_647;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A required id (a select's value or a JSON number); one message for missing and invalid. */
const requiredId = (message: string) =>
  z.preprocess((v) => (isBlank(v) ? undefined : v), z.coerce.number({ error: message }).int(message).min(1, message).max(INT_MAX, message));

// Field builders that keep "not sent" (undefined) apart from "cleared" (null), so one
// schema serves a whole form and a PATCH that sends only what changes.

const name = requiredText(L.name, 100);

function optionalText(label: string, max: number) {
  return userString(label)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));
}

const creditCode = userString(L.creditCode)
  .nullable()
  .optional()
  .transform((v) => (v === undefined ? undefined : isBlank(v) ? null : v!.trim().toUpperCase()))
  .refine((v) => v === undefined || v === null || CREDIT_CODE.test(v), `${L.creditCode}须为 18 位数字或大写字母（不含 I、O、S、V、Z）`);

const contactPhone = optionalText(L.contactPhone, 20).refine((v) => v === undefined || v === null || PHONE.test(v), `${L.contactPhone}格式不正确（7-20 位数字，可含 - 和空格）`);

const fieldShape = {
  creditCode,
  legalPerson: optionalText(L.legalPerson, 50),
  contactName: optionalText(L.contactName, 50),
  contactPhone,
  address: optionalText(L.address, 200),
  industry: optionalText(L.industry, 50),
};

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A new enterprise of one park: name required, everything else optional (blank = none). */
export const enterpriseCreateSchema = z
  .object({ parkId: requiredId(`请选择${L.parkId}`), name, ...fieldShape }, { error: "请求格式不正确" })
  .transform((v) => ({
    parkId: v.parkId,
    name: v.name,
    creditCode: orNull(v.creditCode),
    legalPerson: orNull(v.legalPerson),
    contactName: orNull(v.contactName),
    contactPhone: orNull(v.contactPhone),
    address: orNull(v.address),
    industry: orNull(v.industry),
  }));
export type EnterpriseCreateInput = z.input<typeof enterpriseCreateSchema>;
export type EnterpriseCreateData = z.output<typeof enterpriseCreateSchema>;

/**
 * Changes to an enterprise: the fields sent are written (blank clears an optional one),
 * the fields left out stay as they are. The park is fixed: the same company investing in
 * another park has its own record there.
 */
export const enterpriseUpdateSchema = z
  .object(
    {
      name: name.optional(),
      ...fieldShape,
      parkId: z.unknown().optional(),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (v.parkId !== undefined) ctx.addIssue({ code: "custom", path: ["parkId"], message: `${L.parkId}不能修改：同一公司在其他园区投资，请在该园区另建企业档案` });
  })
  .transform(({ parkId: _p, ...v }) => {
    const out: Record<string, string | null> = {};
    for (const key of ENTERPRISE_FIELDS) if (v[key] !== undefined) out[key] = v[key];
    return out as { name?: string } & Partial<Record<Exclude<EnterpriseField, "name">, string | null>>;
  });
export type EnterpriseUpdateInput = z.input<typeof enterpriseUpdateSchema>;
export type EnterpriseUpdateData = z.output<typeof enterpriseUpdateSchema>;

/** A park leader folds a duplicate record into the one that survives. */
export const enterpriseMergeSchema = z
  .object(
    {
      survivorId: requiredId("请选择保留的企业"),
      duplicateId: requiredId("请选择要并入的重复企业"),
      reason: requiredText("合并原因", 500),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (v.survivorId === v.duplicateId) ctx.addIssue({ code: "custom", path: ["duplicateId"], message: "要并入的企业不能与保留的企业相同" });
  });
export type EnterpriseMergeInput = z.input<typeof enterpriseMergeSchema>;
export type EnterpriseMergeData = z.output<typeof enterpriseMergeSchema>;

/**
 * Ending an enterprise's 包保 (责任人 or 领导) without naming a successor. `endDate` is the
 * first day nobody holds it (periods are [start, end)); blank = today.
 */
export const endAssignmentSchema = z.object(
  {
    assignmentId: requiredId("请选择要结束的包保"),
    endDate: userString("结束日期", "结束日期须为日期")
      .nullish()
      .transform((v) => (isBlank(v) ? todayInShanghai() : v!.trim()))
      .superRefine((v, ctx) => {
        const problem = dateProblem("结束日期", v, { notFuture: true });
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    reason: userString("结束原因")
      .trim()
      .max(500, "结束原因不能超过 500 个字符")
      .nullish()
      .transform((v) => (v ? v : null)),
  },
  { error: "请求格式不正确" },
);
export type EndAssignmentInput = z.input<typeof endAssignmentSchema>;
export type EndAssignmentData = z.output<typeof endAssignmentSchema>;

// ---------------------------------------------------------------- lists and pickers

export const ENTERPRISE_PAGE_SIZES = [20, 50, 100] as const;


/** The enterprise list's filters, as they travel in the URL and the API's query string. */
export const enterpriseListSchema = z.object({
  q: searchText().optional(),
  park: urlId("园区").optional(),
  page: urlPage(),
  pageSize: z.coerce
    .number({ message: "每页条数须为数字" })
    .refine((n) => (ENTERPRISE_PAGE_SIZES as readonly number[]).includes(n), "每页条数须为 20、50 或 100")
    .default(20),
});
export type EnterpriseListFilters = z.infer<typeof enterpriseListSchema>;
export const parseEnterpriseFilters = (raw: RawSearchParams) => parseUrlFilters(enterpriseListSchema, raw);

/**
 * What a picker is for, which decides the enterprises it offers: any the actor reads, those
 * they may log a visit or problem for ("issue.write": a liaison only the ones they cover),
 * or those of parks where they enter projects ("project.write").
 */
export const ENTERPRISE_PICKER_PURPOSES = ["read", "visit", "project"] as const;
export type EnterprisePickerPurpose = (typeof ENTERPRISE_PICKER_PURPOSES)[number];

export const ENTERPRISE_SEARCH_LIMIT_MAX = 50;

/** A picker's query: text typed so far, optionally one park, and how many to show. */
export const enterpriseSearchSchema = z.object({
  q: searchText().optional(),
  park: urlId("园区").optional(),
  /** One enterprise by id (a picker showing the value it was opened with). */
  id: urlId("企业").optional(),
  purpose: z.enum(ENTERPRISE_PICKER_PURPOSES, { message: "用途须为 read、visit 或 project" }).default("read"),
  limit: z.coerce
    .number({ message: "条数须为数字" })
    .int("条数须为整数")
    .min(1, "条数不能小于 1")
    .max(ENTERPRISE_SEARCH_LIMIT_MAX, `条数不能大于 ${ENTERPRISE_SEARCH_LIMIT_MAX}`)
    .default(20),
});
export type EnterpriseSearchFilters = z.infer<typeof enterpriseSearchSchema>;
