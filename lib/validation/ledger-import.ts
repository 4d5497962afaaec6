// One ledger row of an imported Excel file: cell values to text, then the same rules as
// the project form (projectFormSchema, same messages) plus what only a ledger row carries
// (park by name, known industry, current stage with its dates). Pure: lookups come in
// through `LedgerRowContext`, so the rules are unit-tested without a database.

import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import {
  IMPORT_COLUMNS,
  KEY_LEVEL_BY_LABEL,
  LEDGER_STAGE_DATE,
  SOURCE_BY_LABEL,
  STAGE_BY_LABEL,
  type LedgerColumn,
} from "@/lib/domain/ledger-columns";
import { STAGES, STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { projectFormSchema } from "./project";

/** Longest text a cell may hold (the longest field, 建设内容及规模, allows 2,000). */
export const CELL_TEXT_MAX = 5_000;

export interface RowIssue {
  /** 1-based row number as Excel shows it; 0 for the file as a whole. */
  row: number;
  /** Header text of the column ("" for the whole row or file). */
  column: string;
  message: string;
}

/** A row's cells as canonical text (null = blank), keyed by column key. */
export type LedgerTexts = Record<string, string | null>;

/** A valid row, normalised: money "12345.60", dates YYYY-MM-DD, blanks null. */
export interface LedgerRecord {
  parkId: number;
  parkName: string;
  name: string;
  enterpriseName: string;
  creditCode: string | null;
  legalPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  industry: string;
  source: string;
  keyLevel: string;
  content: string | null;
  totalInvestment: string;
  contractInvestment: string;
  registeredCapital: string | null;
  landArea: string | null;
  signedDate: string;
  registeredDate: string | null;
  landSuppliedDate: string | null;
  plannedStartDate: string | null;
  plannedProductionDate: string | null;
  stage: Stage;
  landedDate: string | null;
  actualStartDate: string | null;
  actualProductionDate: string | null;
  responsibleUnit: string | null;
  remark: string | null;
}

/** The fields compared to decide "unchanged" (everything a row says about the project). */
export const RECORD_FIELDS = [
  "creditCode",
  "legalPerson",
  "contactName",
  "contactPhone",
  "industry",
  "source",
  "keyLevel",
  "content",
  "totalInvestment",
  "contractInvestment",
  "registeredCapital",
  "landArea",
  "signedDate",
  "registeredDate",
  "landSuppliedDate",
  "plannedStartDate",
  "plannedProductionDate",
  "stage",
  "landedDate",
  "actualStartDate",
  "actualProductionDate",
  "responsibleUnit",
  "remark",
] as const satisfies readonly (keyof LedgerRecord)[];

export interface LedgerRowContext {
  /** The park of that exact name the actor may write to, or null (unknown and invisible parks look alike). */
  park(name: string): { id: number; name: string } | null;
  /** Industries already used by projects of the park (the common ones are always allowed). */
  parkIndustries(parkId: number): ReadonlySet<string>;
  today?: string;
}

const HEADER_OF: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header]));
export const headerOf = (key: string) => HEADER_OF[key] ?? key;

// ---------------------------------------------------------------- cells

type CellResult = { text: string | null } | { error: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel's day number (1900 system) to YYYY-MM-DD; fractions (times) are dropped. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const d = new Date(Math.round((Math.floor(serial) - 25_569) * 86_400_000));
  return d.toISOString().slice(0, 10);
}

/** "2025/3/1", "2025.3.1", "2025年3月1日", "2025-03-01" -> "2025-03-01"; anything else unchanged. */
export function normaliseDateText(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return text;
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
}

function numberText(n: number): string {
  // Excel holds 12345.67 as the nearest double; String() gives it back as typed.
  return Number.isFinite(n) ? String(n) : "NaN";
}

/** The plain value inside exceljs's cell value shapes, or an error for formulas and error cells. */
function plainValue(value: unknown, header: string): { value: unknown } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value !== "object" || value instanceof Date) return { value };
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) return { error: `「${header}」是公式，请复制后“选择性粘贴为数值”再导入` };
  if ("error" in v) return { error: `「${header}」是错误值 ${String(v.error)}，请改为实际内容` };
  if (Array.isArray(v.richText)) return { value: (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? "")).join("") };
  if ("text" in v) return plainValue(v.text, header);
  return { error: `「${header}」的内容无法识别，请改为文本或数字` };
}

/** One cell's value as the canonical text its column expects. */
export function cellText(raw: unknown, column: LedgerColumn): CellResult {
  const plain = plainValue(raw, column.header);
  if ("error" in plain) return plain;
  const value = plain.value;
  if (value === null) return { text: null };
  if (typeof value === "string" && value.length > CELL_TEXT_MAX) {
    return { error: `「${column.header}」内容过长（${value.length} 个字符，单元格最多 ${CELL_TEXT_MAX} 个字符）` };
  }
  if (column.type === "date") {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: `${column.header}不是有效日期（格式 YYYY-MM-DD）` } : { text: value.toISOString().slice(0, 10) };
    if (typeof value === "number") return { text: serialToIso(value) ?? numberText(value) };
    const text = String(value).trim();
    return { text: text === "" ? null : normaliseDateText(text) };
  }
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "number") return { text: numberText(value) };
  if (typeof value === "boolean") return { text: value ? "是" : "否" };
  const text = String(value).trim();
  return { text: text === "" ? null : text };
}

// ---------------------------------------------------------------- rows

function enumValue(texts: LedgerTexts, key: string, map: Map<string, string>, fallback: string, message: string, issues: RowIssue[], row: number): string {
  const text = texts[key];
  if (text === null || text === undefined) return fallback;
  const value = map.get(text);
  if (value) return value;
  issues.push({ row, column: headerOf(key), message });
  return fallback;
}

/** The natural key of a ledger row: park + project name + enterprise, case-insensitive. */
export function naturalKey(parkId: number, name: string, enterpriseName: string): string {
  return `${parkId}\u0000${name.trim().toLowerCase()}\u0000${enterpriseName.trim().toLowerCase()}`;
}

/**
 * Checks one row. Every problem is reported (not only the first), each on its column.
 * `record` is null when there is any problem.
 */
export function validateLedgerRow(row: number, texts: LedgerTexts, ctx: LedgerRowContext): { record: LedgerRecord | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const today = ctx.today ?? todayInShanghai();

  const parkName = texts.park ?? null;
  const park = parkName ? ctx.park(parkName) : null;
  if (!parkName) issues.push({ row, column: headerOf("park"), message: "请填写所属园区" });
  else if (!park) issues.push({ row, column: headerOf("park"), message: `所属园区「${parkName}」不存在或您无权维护该园区的台账` });

  const source = enumValue(texts, "source", SOURCE_BY_LABEL, "OTHER", `项目来源须为 ${[...new Set(SOURCE_BY_LABEL.keys())].join("/")} 之一`, issues, row);
  const keyLevel = enumValue(texts, "keyLevel", KEY_LEVEL_BY_LABEL, "NONE", "项目级别须为 省重点/市重点/县重点/一般 之一", issues, row);
  const stage = enumValue(texts, "stage", STAGE_BY_LABEL, "SIGNED", "当前阶段须为 签约/落地/开工/投产 之一", issues, row) as Stage;

  // The project form's rules, with the same messages. The park is checked above by name.
  const parsed = projectFormSchema.safeParse({
    name: texts.name,
    enterpriseName: texts.enterpriseName,
    creditCode: texts.creditCode,
    legalPerson: texts.legalPerson,
    contactName: texts.contactName,
    contactPhone: texts.contactPhone,
    parkId: park?.id ?? 1,
    industry: texts.industry,
    source,
    keyLevel,
    specialLists: [],
    content: texts.content,
    totalInvestment: texts.totalInvestment,
    contractInvestment: texts.contractInvestment,
    registeredCapital: texts.registeredCapital,
    landArea: texts.landArea,
    signedDate: texts.signedDate,
    registeredDate: texts.registeredDate,
    landSuppliedDate: texts.landSuppliedDate,
    plannedStartDate: texts.plannedStartDate,
    plannedProductionDate: texts.plannedProductionDate,
    responsibleUnit: texts.responsibleUnit,
    remark: texts.remark,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (!issues.some((i) => i.column === headerOf(key) && i.message === issue.message)) issues.push({ row, column: headerOf(key), message: issue.message });
    }
  }

  const industry = texts.industry;
  if (park && industry && !(COMMON_INDUSTRIES as readonly string[]).includes(industry) && !ctx.parkIndustries(park.id).has(industry)) {
    issues.push({ row, column: headerOf("industry"), message: `产业链/行业「${industry}」不在常用产业链中，该园区也没有使用过；请改用已有的名称` });
  }

  // Stages are cumulative: each stage reached needs its date, on or after the one before.
  const stageDates: Partial<Record<Stage, string | null>> = {};
  let previous: { label: string; date: string } | null = null;
  const signed = texts.signedDate && isIsoDate(texts.signedDate) ? texts.signedDate : null;
  if (signed) previous = { label: "签约日期", date: signed };
  for (const s of STAGES.slice(1)) {
    const key = LEDGER_STAGE_DATE[s];
    const header = headerOf(key);
    const text = texts[key] ?? null;
    const reached = STAGES.indexOf(stage) >= STAGES.indexOf(s);
    if (!reached) {
      if (text !== null) issues.push({ row, column: header, message: `当前阶段为「${STAGE_LABELS[stage]}」，不应填写${header}；已${STAGE_LABELS[s]}请把当前阶段改为「${STAGE_LABELS[s]}」或之后` });
      continue;
    }
    if (text === null) {
      issues.push({ row, column: header, message: `当前阶段为「${STAGE_LABELS[stage]}」，请填写${header}` });
      continue;
    }
    if (!isIsoDate(text)) {
      issues.push({ row, column: header, message: `${header}不是有效日期（格式 YYYY-MM-DD）` });
      continue;
    }
    if (text > today) issues.push({ row, column: header, message: `${header}不能晚于今天` });
    if (previous && text < previous.date) issues.push({ row, column: header, message: `${header}不能早于${previous.label}` });
    stageDates[s] = text;
    previous = { label: header, date: text };
  }

  if (issues.length > 0 || !parsed.success || !park) return { record: null, issues };
  const d = parsed.data;
  return {
    record: {
      parkId: park.id,
      parkName: park.name,
      name: d.name,
      enterpriseName: d.enterpriseName,
      creditCode: d.creditCode,
      legalPerson: d.legalPerson,
      contactName: d.contactName,
      contactPhone: d.contactPhone,
      industry: d.industry,
      source: d.source,
      keyLevel: d.keyLevel,
      content: d.content,
      totalInvestment: d.totalInvestment,
      contractInvestment: d.contractInvestment,
      registeredCapital: d.registeredCapital,
      landArea: d.landArea,
      signedDate: d.signedDate,
      registeredDate: d.registeredDate,
      landSuppliedDate: d.landSuppliedDate,
      plannedStartDate: d.plannedStartDate,
      plannedProductionDate: d.plannedProductionDate,
      stage,
      landedDate: stageDates.LANDED ?? null,
      actualStartDate: stageDates.STARTED ?? null,
      actualProductionDate: stageDates.PRODUCING ?? null,
      responsibleUnit: d.responsibleUnit,
      remark: d.remark,
    },
    issues,
  };
}

/** Fields where two records differ (labels), empty when they say the same. */
export function differingFields(a: Pick<LedgerRecord, (typeof RECORD_FIELDS)[number]>, b: Pick<LedgerRecord, (typeof RECORD_FIELDS)[number]>): string[] {
  return RECORD_FIELDS.filter((k) => (a[k] ?? null) !== (b[k] ?? null)).map((k) => headerOf(k));
}

/**
 * A row's canonical texts for comparing with an existing project even when the row breaks
 * a rule (an old record that never met today's rules is still "unchanged"): the same
 * normalisation the rules apply, without judging.
 */
export function looseRecord(texts: LedgerTexts): Pick<LedgerRecord, (typeof RECORD_FIELDS)[number]> {
  const money = (v: string | null) => {
    if (v === null) return null;
    const s = v.replace(/[,，\s]/g, "");
    if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(s)) return v;
    const [int, frac = ""] = s.split(".");
    return `${int.replace(/^(-?)0+(?=\d)/, "$1")}.${frac.padEnd(2, "0")}`;
  };
  const t = (k: string) => texts[k] ?? null;
  return {
    creditCode: t("creditCode")?.toUpperCase() ?? null,
    legalPerson: t("legalPerson"),
    contactName: t("contactName"),
    contactPhone: t("contactPhone"),
    industry: t("industry") ?? "",
    source: t("source") === null ? "OTHER" : SOURCE_BY_LABEL.get(t("source")!) ?? t("source")!,
    keyLevel: t("keyLevel") === null ? "NONE" : KEY_LEVEL_BY_LABEL.get(t("keyLevel")!) ?? t("keyLevel")!,
    content: t("content"),
    totalInvestment: money(t("totalInvestment")) ?? "",
    contractInvestment: money(t("contractInvestment")) ?? "",
    registeredCapital: money(t("registeredCapital")),
    landArea: money(t("landArea")),
    signedDate: t("signedDate") ?? "",
    registeredDate: t("registeredDate"),
    landSuppliedDate: t("landSuppliedDate"),
    plannedStartDate: t("plannedStartDate"),
    plannedProductionDate: t("plannedProductionDate"),
    stage: (t("stage") === null ? "SIGNED" : STAGE_BY_LABEL.get(t("stage")!) ?? t("stage")) as Stage,
    landedDate: t("landedDate"),
    actualStartDate: t("actualStartDate"),
    actualProductionDate: t("actualProductionDate"),
    responsibleUnit: t("responsibleUnit"),
    remark: t("remark"),
  };
}
