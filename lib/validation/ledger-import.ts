// One ledger row of an imported Excel file: cell values to text, then the same rules as
// the project form (projectFormSchema, same messages) plus what only a ledger row carries
// (park by name, known industry, yes/no cells, current stage with its dates and evidence
// checked by the pipeline's own rule, validateAdvance). Pure: lookups come in through
// `LedgerRowContext`, so the rules are unit-tested without a database.

import { todayInShanghai } from "@/lib/domain/dates";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import {
  FLAG_BY_TEXT,
  IMPORT_COLUMNS,
  KEY_LEVEL_BY_LABEL,
  LEDGER_STAGE_DATE,
  SOURCE_BY_LABEL,
  STAGE_BY_LABEL,
  enumLabel,
  flagLabel,
  type LedgerColumn,
} from "@/lib/domain/ledger-columns";
import { formatWan, parseWan } from "@/lib/domain/money";
import { STAGES, STAGE_LABELS, stageIndex, type ProjectStatus, type Stage } from "@/lib/domain/stages";
import { type AdvanceInput, type FieldErrors, blankedEvidenceProblems, validateAdvance } from "@/lib/domain/transitions";
import { hasUnstorableChars, unstorableMessage } from "./fields";
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
  imageProgress: string | null;
  problems: string | null;
  responsibleUnit: string | null;
  remark: string | null;
  plannedInvestmentThisYear: string | null;
  planStartThisYear: boolean;
  planProductionThisYear: boolean;
  investmentCompletedBefore: string;
  fundsArrivedBefore: string;
  /** 包保责任人 / 包保领导 as written (username or name); resolved against the park's people on the server. */
  liaison: string | null;
  leader: string | null;
}

/** The fields compared to decide what changes (everything a row says about the project but the park and the people). */
export const RECORD_FIELDS = [
  "name",
  "enterpriseName",
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
  "imageProgress",
  "problems",
  "responsibleUnit",
  "remark",
  "plannedInvestmentThisYear",
  "planStartThisYear",
  "planProductionThisYear",
  "investmentCompletedBefore",
  "fundsArrivedBefore",
] as const satisfies readonly (keyof LedgerRecord)[];

export type RecordField = (typeof RECORD_FIELDS)[number];
export type ComparableRecord = Pick<LedgerRecord, RecordField>;

export interface LedgerRowContext {
  /** The park of that exact name the actor may write to, or null (unknown and invisible parks look alike). */
  park(name: string): { id: number; name: string } | null;
  /** Industries already used by projects of the park (the common ones are always allowed). */
  parkIndustries(parkId: number): ReadonlySet<string>;
  today?: string;
}

const HEADER_OF: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header]));
export const headerOf = (key: string) => HEADER_OF[key] ?? key;
const COLUMN_OF = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** The refusal of a value that is none of a choice column's choices, by column key (a column headed in English is refused with its English choices: parse-ledger-workbook asWritten). */
export const CHOICE_REFUSAL: Readonly<Record<string, string>> = {
  source: `项目来源须为 ${[...new Set(SOURCE_BY_LABEL.keys())].join("/")} 之一`,
  keyLevel: "项目级别须为 省重点/市重点/县重点/一般 之一",
  stage: "当前阶段须为 签约/落地/开工/投产 之一",
  planStartThisYear: `${headerOf("planStartThisYear")}须填写 是 或 否（空白为否）`,
  planProductionThisYear: `${headerOf("planProductionThisYear")}须填写 是 或 否（空白为否）`,
};

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
export function cellText(raw: unknown, column: Pick<LedgerColumn, "header" | "type">): CellResult {
  const plain = plainValue(raw, column.header);
  if ("error" in plain) return plain;
  const value = plain.value;
  if (value === null) return { text: null };
  if (typeof value === "string" && value.length > CELL_TEXT_MAX) {
    return { error: `「${column.header}」内容过长（${value.length} 个字符，单元格最多 ${CELL_TEXT_MAX} 个字符）` };
  }
  // NUL or half an emoji: the database cannot store or even compare it.
  if (typeof value === "string" && hasUnstorableChars(value)) return { error: unstorableMessage(`「${column.header}」`) };
  if (column.type === "date") {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: `${column.header}不是有效日期（格式 YYYY-MM-DD）` } : { text: value.toISOString().slice(0, 10) };
    if (typeof value === "number") return { text: serialToIso(value) ?? numberText(value) };
    const text = String(value).trim();
    return { text: text === "" ? null : normaliseDateText(text) };
  }
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === "number") return { text: numberText(value) };
  if (typeof value === "boolean") return { text: flagLabel(value) };
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

function flagValue(texts: LedgerTexts, key: string, issues: RowIssue[], row: number): boolean {
  const text = texts[key];
  if (text === null || text === undefined) return false;
  const value = FLAG_BY_TEXT.get(text);
  if (value !== undefined) return value;
  issues.push({ row, column: headerOf(key), message: CHOICE_REFUSAL[key] });
  return false;
}

/** The natural key of a ledger row: park + project name + enterprise, case-insensitive. */
export function naturalKey(parkId: number, name: string, enterpriseName: string): string {
  return `${parkId}\u0000${name.trim().toLowerCase()}\u0000${enterpriseName.trim().toLowerCase()}`;
}

/**
 * Checks one row's record (everything but the stage and its dates, see `stageCheck`).
 * Every problem is reported (not only the first), each on its column. `record` is null
 * when there is any problem.
 */
export function validateLedgerRecord(row: number, texts: LedgerTexts, ctx: LedgerRowContext): { record: LedgerRecord | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];

  const parkName = texts.park ?? null;
  const park = parkName ? ctx.park(parkName) : null;
  if (!parkName) issues.push({ row, column: headerOf("park"), message: "请填写所属园区" });
  else if (!park) issues.push({ row, column: headerOf("park"), message: `所属园区「${parkName}」不存在或您无权维护该园区的台账` });

  const source = enumValue(texts, "source", SOURCE_BY_LABEL, "OTHER", CHOICE_REFUSAL.source, issues, row);
  const keyLevel = enumValue(texts, "keyLevel", KEY_LEVEL_BY_LABEL, "NONE", CHOICE_REFUSAL.keyLevel, issues, row);
  const stage = enumValue(texts, "stage", STAGE_BY_LABEL, "SIGNED", CHOICE_REFUSAL.stage, issues, row) as Stage;
  const planStartThisYear = flagValue(texts, "planStartThisYear", issues, row);
  const planProductionThisYear = flagValue(texts, "planProductionThisYear", issues, row);

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
    plannedInvestmentThisYear: texts.plannedInvestmentThisYear,
    planStartThisYear,
    planProductionThisYear,
    investmentCompletedBefore: texts.investmentCompletedBefore ?? null,
    fundsArrivedBefore: texts.fundsArrivedBefore ?? null,
    imageProgress: texts.imageProgress ?? null,
    problems: texts.problems ?? null,
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

  if (issues.length > 0 || !parsed.success || !park) return { record: null, issues };
  const d = parsed.data;
  const stageDate = (key: string) => texts[key] ?? null;
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
      landedDate: stageDate("landedDate"),
      actualStartDate: stageDate("actualStartDate"),
      actualProductionDate: stageDate("actualProductionDate"),
      imageProgress: d.imageProgress ?? null,
      problems: d.problems ?? null,
      responsibleUnit: d.responsibleUnit,
      remark: d.remark,
      plannedInvestmentThisYear: d.plannedInvestmentThisYear,
      planStartThisYear,
      planProductionThisYear,
      investmentCompletedBefore: d.investmentCompletedBefore ?? "0.00",
      fundsArrivedBefore: d.fundsArrivedBefore ?? "0.00",
      liaison: texts.liaison ?? null,
      leader: texts.leader ?? null,
    },
    issues,
  };
}

// ---------------------------------------------------------------- stages

/** Where the pipeline rule's field keys land in the ledger. */
const ADVANCE_FIELD_COLUMN: Record<string, string> = {
  toStage: "stage",
  "landed.date": "landedDate",
  "landed.registrationDate": "registeredDate",
  "landed.landArea": "landArea",
  "started.date": "actualStartDate",
  "producing.date": "actualProductionDate",
};

/** The stored project a row updates, as the stage rules see it. */
export interface StoredStageState {
  stage: Stage;
  status: ProjectStatus;
  stageDate: string;
  statusDate: string | null;
  signedDate: string;
  registeredDate: string | null;
  /** The reached stages' dates as the ledger shows them (the stage date fills an empty column of the current stage). */
  landedDate: string | null;
  actualStartDate: string | null;
  actualProductionDate: string | null;
}

type StageFields = Pick<LedgerRecord, "stage" | "signedDate" | "registeredDate" | "landArea" | "landedDate" | "actualStartDate" | "actualProductionDate">;

function fromRule(row: number, stage: Stage, errors: FieldErrors, taken: ReadonlySet<string>): RowIssue[] {
  const out: RowIssue[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    const column = headerOf(ADVANCE_FIELD_COLUMN[field] ?? "stage");
    if (taken.has(column)) continue; // already reported on this column by the record's own rules
    for (const message of messages) out.push({ row, column, message: message.startsWith("请填写") ? `当前阶段为「${STAGE_LABELS[stage]}」，${message}` : message });
  }
  return out;
}

/**
 * The stage a row states, against the project's stored state (null for a new project):
 * a new project reaches every stage up to the row's with that stage's date and evidence,
 * checked by the pipeline's own rule (`validateAdvance`: dates in order and not in the
 * future, 落地 with its 注册日期, …); an existing one may move forward the same way, never
 * back (a correction is a park leader's, on the project page), and keeps the dates of the
 * stages it has reached. A date of a stage the row does not reach is an error (it would
 * silently be lost). `taken` are columns already reported, so a value is not blamed twice.
 */
export function stageCheck(
  row: number,
  record: StageFields,
  stored: StoredStageState | null,
  today: string,
  taken: ReadonlySet<string> = new Set(),
): { issues: RowIssue[]; advance: AdvanceInput | null } {
  const issues: RowIssue[] = [];
  const target = record.stage;
  for (const s of STAGES.slice(stageIndex(target) + 1)) {
    const key = LEDGER_STAGE_DATE[s];
    if (record[key as keyof StageFields] !== null) {
      const header = headerOf(key);
      issues.push({ row, column: header, message: `当前阶段为「${STAGE_LABELS[target]}」，不应填写${header}；已${STAGE_LABELS[s]}请把当前阶段改为「${STAGE_LABELS[s]}」或之后` });
    }
  }
  const from: StoredStageState = stored ?? {
    stage: "SIGNED",
    status: "ACTIVE",
    stageDate: record.signedDate,
    statusDate: null,
    signedDate: record.signedDate,
    registeredDate: null,
    landedDate: null,
    actualStartDate: null,
    actualProductionDate: null,
  };
  if (stored) {
    if (stageIndex(target) < stageIndex(stored.stage)) {
      issues.push({
        row,
        column: headerOf("stage"),
        message: `项目已处于「${STAGE_LABELS[stored.stage]}」阶段，导入不能退回到「${STAGE_LABELS[target]}」；更正回退请园区领导在项目页操作`,
      });
      return { issues, advance: null };
    }
    // Dates of stages already reached stay as recorded (they move only with stage moves and corrections).
    for (const s of STAGES.slice(1, stageIndex(stored.stage) + 1)) {
      const key = LEDGER_STAGE_DATE[s] as "landedDate" | "actualStartDate" | "actualProductionDate";
      if (record[key] !== stored[key]) {
        const header = headerOf(key);
        issues.push({
          row,
          column: header,
          message: `${header}是已到达阶段的日期（系统中为 ${stored[key] ?? "空"}），不能通过导入修改；如确需更正，请园区领导在项目页更正回退后重新推进`,
        });
      }
    }
    for (const [field, messages] of Object.entries(blankedEvidenceProblems(stored.stage, stored, record))) {
      for (const message of messages) issues.push({ row, column: headerOf(field), message });
    }
  }
  if (stageIndex(target) <= stageIndex(from.stage) || issues.length > 0) return { issues, advance: null };

  const advance: AdvanceInput = {
    toStage: target,
    landed: { date: record.landedDate, registrationDate: record.registeredDate, landArea: record.landArea },
    started: { date: record.actualStartDate },
    producing: { date: record.actualProductionDate },
    note: stored ? "台账导入" : null,
  };
  const result = validateAdvance(from, advance, today);
  if (!result.ok) return { issues: fromRule(row, target, result.errors, taken), advance: null };
  return { issues, advance };
}

/**
 * Checks one row of a new project: the record's rules and the stages it has reached. `record`
 * is null when there is any problem.
 */
export function validateLedgerRow(row: number, texts: LedgerTexts, ctx: LedgerRowContext): { record: LedgerRecord | null; issues: RowIssue[] } {
  const today = ctx.today ?? todayInShanghai();
  const { record, issues } = validateLedgerRecord(row, texts, ctx);
  const stages = stageCheck(row, record ?? stageFieldsOf(texts), null, today, new Set(issues.map((i) => i.column)));
  const all = [...issues, ...stages.issues];
  return { record: all.length === 0 ? record : null, issues: all };
}

/** The stage fields of a row that failed other rules, read loosely so its stage dates are still checked. */
function stageFieldsOf(texts: LedgerTexts): StageFields {
  const t = (k: string) => texts[k] ?? null;
  return {
    stage: (STAGE_BY_LABEL.get(t("stage") ?? "签约") ?? "SIGNED") as Stage,
    signedDate: t("signedDate") ?? "",
    registeredDate: t("registeredDate"),
    landArea: t("landArea") === null ? null : (parseWan(t("landArea")!) ?? t("landArea")),
    landedDate: t("landedDate"),
    actualStartDate: t("actualStartDate"),
    actualProductionDate: t("actualProductionDate"),
  };
}

// ---------------------------------------------------------------- comparing

/** Fields where two records differ, in column order; empty when they say the same. */
export function differingFields(a: ComparableRecord, b: ComparableRecord): RecordField[] {
  return RECORD_FIELDS.filter((k) => (a[k] ?? null) !== (b[k] ?? null));
}

/**
 * A row's canonical values for comparing with an existing project even when the row breaks
 * a rule (an old record that never met today's rules is still "unchanged"): the same
 * normalisation the rules apply, without judging.
 */
export function looseRecord(texts: LedgerTexts): ComparableRecord {
  const money = (v: string | null) => {
    if (v === null) return null;
    const s = v.replace(/[,，\s]/g, "");
    if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(s)) return v;
    const [int, frac = ""] = s.split(".");
    return `${int.replace(/^(-?)0+(?=\d)/, "$1")}.${frac.padEnd(2, "0")}`;
  };
  const t = (k: string) => texts[k] ?? null;
  const flag = (k: string) => (t(k) === null ? false : (FLAG_BY_TEXT.get(t(k)!) ?? (t(k) as unknown as boolean)));
  return {
    name: t("name") ?? "",
    enterpriseName: t("enterpriseName") ?? "",
    creditCode: t("creditCode")?.toUpperCase() ?? null,
    legalPerson: t("legalPerson"),
    contactName: t("contactName"),
    contactPhone: t("contactPhone"),
    industry: t("industry") ?? "",
    source: t("source") === null ? "OTHER" : (SOURCE_BY_LABEL.get(t("source")!) ?? t("source")!),
    keyLevel: t("keyLevel") === null ? "NONE" : (KEY_LEVEL_BY_LABEL.get(t("keyLevel")!) ?? t("keyLevel")!),
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
    stage: (t("stage") === null ? "SIGNED" : (STAGE_BY_LABEL.get(t("stage")!) ?? t("stage"))) as Stage,
    landedDate: t("landedDate"),
    actualStartDate: t("actualStartDate"),
    actualProductionDate: t("actualProductionDate"),
    imageProgress: t("imageProgress"),
    problems: t("problems"),
    responsibleUnit: t("responsibleUnit"),
    remark: t("remark"),
    plannedInvestmentThisYear: money(t("plannedInvestmentThisYear")),
    planStartThisYear: flag("planStartThisYear"),
    planProductionThisYear: flag("planProductionThisYear"),
    investmentCompletedBefore: money(t("investmentCompletedBefore")) ?? "0.00",
    fundsArrivedBefore: money(t("fundsArrivedBefore")) ?? "0.00",
  };
}

/** A value as the preview shows it: labels for choices, 万元 with separators, 是/否; null for blank. */
export function displayValue(key: string, value: string | boolean | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return flagLabel(value);
  const column = COLUMN_OF.get(key);
  if (!column) return value;
  if (column.type === "money") return parseWan(value) === null ? value : formatWan(value);
  if (column.type === "area") return parseWan(value) === null ? value : `${value} 亩`;
  return enumLabel(column.type, value);
}

// ---------------------------------------------------------------- people

/** Someone who may take a 包保 role in the park. */
export interface PersonChoice {
  id: number;
  name: string;
  username: string;
}

/** "张三（zhangsan）" or "张三(zhangsan)" -> name and username; anything else is a name or a username. */
function personParts(text: string): { name: string | null; username: string | null } {
  const m = /^(.+?)\s*[（(]\s*([^（）()]+?)\s*[）)]$/.exec(text.trim());
  return m ? { name: m[1], username: m[2] } : { name: null, username: null };
}

/** True when a cell names the person who holds the role now (by name, username, or 姓名（用户名）). */
export function namesPerson(text: string, person: Pick<PersonChoice, "name" | "username">): boolean {
  const t = text.trim();
  const parts = personParts(t);
  if (parts.username !== null) return parts.username.toLowerCase() === person.username.toLowerCase();
  return t === person.name || t.toLowerCase() === person.username.toLowerCase();
}

/**
 * The person a 包保 cell names among those who may take the role in the park: by username
 * (case-insensitive), by 姓名（用户名）, or by a name only one of them has. Ambiguous and
 * unknown names come back as problems with a message naming the cell's text.
 */
export function matchPerson(text: string, people: readonly PersonChoice[], roleLabel: string): { person: PersonChoice } | { problem: string } {
  const t = text.trim();
  const parts = personParts(t);
  const byUsername = (u: string) => people.find((p) => p.username.toLowerCase() === u.toLowerCase());
  if (parts.username !== null) {
    const p = byUsername(parts.username);
    return p ? { person: p } : { problem: `本园区没有用户名为「${parts.username}」、可担任${roleLabel}的在岗人员` };
  }
  const named = people.filter((p) => p.name === t);
  if (named.length === 1) return { person: named[0] };
  if (named.length > 1) {
    return { problem: `本园区有 ${named.length} 位名为「${t}」的人员（用户名 ${named.map((p) => p.username).join("、")}），请填写用户名或「姓名（用户名）」以区分` };
  }
  const p = byUsername(t);
  if (p) return { person: p };
  return { problem: `本园区没有可担任${roleLabel}的在岗人员「${t}」（请填写本园区人员的用户名或姓名）` };
}
