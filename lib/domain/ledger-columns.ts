// The ledger (台账) columns of the Excel template, the project export and the import, in one
// table so the three round-trip: a file exported from the list can be imported again and
// changes nothing. Pure: no I/O.
//
// `importable: false` columns are written by the export for people to read (项目编号, 状态,
// cumulative figures ...) and ignored by the import; the template has only importable ones.

import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "./labels";
import { STAGES, STAGE_LABELS, STATUS_LABELS, type Stage } from "./stages";

export type LedgerColumnType = "text" | "money" | "area" | "date" | "stage" | "source" | "keyLevel" | "status";

export interface LedgerColumn {
  /** Field key, as in the project form schema where one exists. */
  key: string;
  /** The header cell's text, with the unit; the import finds columns by it. */
  header: string;
  type: LedgerColumnType;
  required: boolean;
  importable: boolean;
  /** Column width in Excel characters. */
  width: number;
  /** One line for the template's 填写说明 sheet. */
  hint: string;
}

const col = (key: string, header: string, type: LedgerColumnType, required: boolean, width: number, hint: string, importable = true): LedgerColumn => ({
  key,
  header,
  type,
  required,
  importable,
  width,
  hint,
});

/** Every column, in the order of the sheet. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  col("code", "项目编号", "text", false, 18, "系统生成，导入时忽略", false),
  col("park", "所属园区", "text", true, 16, "园区全称，须为您有权维护台账的园区"),
  col("name", "项目名称", "text", true, 30, "不超过 100 个字符；同一园区内「项目名称 + 投资主体」唯一"),
  col("enterpriseName", "投资主体", "text", true, 28, "企业全称，不超过 100 个字符"),
  col("creditCode", "统一社会信用代码", "text", false, 22, "18 位数字或大写字母（不含 I、O、S、V、Z）"),
  col("legalPerson", "法定代表人", "text", false, 12, "不超过 50 个字符"),
  col("contactName", "联系人", "text", false, 12, "不超过 50 个字符"),
  col("contactPhone", "联系电话", "text", false, 16, "7-20 位数字，可含 - 和空格"),
  col("industry", "产业链/行业", "text", true, 14, "常用产业链之一，或该园区已有项目使用的产业链"),
  col("source", "项目来源", "source", false, 12, `${Object.values(SOURCE_LABELS).join("/")}，空白为「其他」`),
  col("keyLevel", "项目级别", "keyLevel", false, 10, `${Object.values(KEY_LEVEL_LABELS).join("/")}，空白为「一般」`),
  col("content", "建设内容及规模", "text", false, 36, "不超过 2000 个字符"),
  col("totalInvestment", "总投资（万元）", "money", true, 14, "数字，最多两位小数"),
  col("contractInvestment", "合同引资额（万元）", "money", true, 16, "数字，最多两位小数，不大于总投资"),
  col("registeredCapital", "注册资本（万元）", "money", false, 14, "数字，最多两位小数"),
  col("landArea", "用地面积（亩）", "area", false, 12, "数字，最多两位小数"),
  col("signedDate", "签约日期", "date", true, 12, "日期（2026-03-01），不晚于今天"),
  col("registeredDate", "注册日期", "date", false, 12, "日期，不晚于今天"),
  col("landSuppliedDate", "供地日期", "date", false, 12, "日期，不晚于今天"),
  col("plannedStartDate", "计划开工日期", "date", false, 12, "日期，不早于签约日期"),
  col("plannedProductionDate", "计划投产日期", "date", false, 12, "日期，不早于计划开工日期"),
  col("stage", "当前阶段", "stage", false, 10, "签约/落地/开工/投产，空白为「签约」"),
  col("landedDate", "落地日期", "date", false, 12, "阶段为落地及以后时必填；不早于签约日期"),
  col("actualStartDate", "实际开工日期", "date", false, 12, "阶段为开工及以后时必填；不早于落地日期"),
  col("actualProductionDate", "实际投产日期", "date", false, 12, "阶段为投产时必填；不早于实际开工日期"),
  col("responsibleUnit", "责任单位", "text", false, 16, "不超过 100 个字符"),
  col("remark", "备注", "text", false, 24, "不超过 1000 个字符"),
  col("status", "状态", "status", false, 10, "仅供查看，导入时忽略", false),
  col("liaisonName", "包保责任人", "text", false, 12, "仅供查看，导入时忽略", false),
  col("investmentCompletedToDate", "累计完成投资（万元）", "money", false, 16, "仅供查看，导入时忽略", false),
  col("fundsArrivedToDate", "累计到位资金（万元）", "money", false, 16, "仅供查看，导入时忽略", false),
];

/** The columns of the template and the ones the import reads. */
export const IMPORT_COLUMNS: readonly LedgerColumn[] = LEDGER_COLUMNS.filter((c) => c.importable);

/** The sheet the template, the export and the import share. */
export const LEDGER_SHEET = "项目台账";

/** Stage date column per stage reached (签约 is signedDate). */
export const LEDGER_STAGE_DATE: Record<Stage, string> = {
  SIGNED: "signedDate",
  LANDED: "landedDate",
  STARTED: "actualStartDate",
  PRODUCING: "actualProductionDate",
};

function invert(labels: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(labels).map(([k, v]) => [v, k]));
}

export const STAGE_BY_LABEL = invert(STAGE_LABELS);
export const SOURCE_BY_LABEL = invert(SOURCE_LABELS);
export const KEY_LEVEL_BY_LABEL = invert(KEY_LEVEL_LABELS);
/** Alternative words people write in real ledgers. */
SOURCE_BY_LABEL.set("委托/中介招商", "AGENCY");
SOURCE_BY_LABEL.set("网络/云招商", "ONLINE");
KEY_LEVEL_BY_LABEL.set("无", "NONE");

/** The label written in an enum column for a stored value. */
export function enumLabel(type: LedgerColumnType, value: string): string {
  if (type === "stage") return STAGE_LABELS[value as Stage] ?? value;
  if (type === "source") return SOURCE_LABELS[value] ?? value;
  if (type === "keyLevel") return KEY_LEVEL_LABELS[value] ?? value;
  if (type === "status") return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  return value;
}

export const STAGE_CHOICES = STAGES.map((s) => STAGE_LABELS[s]);

/** Excel column letters for a 1-based index (1 -> A, 27 -> AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
