// Chinese names of a project record's fields, for error messages, the edit history and
// the conflict message ("已被张三于…修改（总投资、签约日期）"). Pure: no I/O.

import { BUSINESS_TZ } from "./dates";

/** Field key (as in the form, the Project row or an audit row) -> label shown to people. */
export const PROJECT_FIELD_LABELS: Record<string, string> = {
  // written by stage moves and status changes
  stage: "当前阶段",
  stageDate: "阶段日期",
  landedDate: "落地日期",
  actualStartDate: "实际开工日期",
  actualProductionDate: "实际投产日期",
  capacity: "产能",
  status: "状态",
  statusDate: "状态变更日期",
  statusReason: "状态原因",
  imageProgress: "形象进度",
  problems: "存在问题",
  // the form
  name: "项目名称",
  enterpriseName: "投资主体",
  creditCode: "统一社会信用代码",
  legalPerson: "法定代表人",
  contactName: "联系人",
  contactPhone: "联系电话",
  parkId: "所属园区",
  industry: "产业链/行业",
  source: "项目来源",
  keyLevel: "项目级别",
  specialLists: "专项清单",
  content: "建设内容及规模",
  totalInvestment: "总投资",
  contractInvestment: "合同引资额",
  registeredCapital: "注册资本",
  landArea: "用地面积",
  signedDate: "签约日期",
  registeredDate: "注册日期",
  landSuppliedDate: "供地日期",
  plannedStartDate: "计划开工日期",
  plannedProductionDate: "计划投产日期",
  responsibleUnit: "责任单位",
  remark: "备注",
  plannedInvestmentThisYear: "本年计划投资",
  planStartThisYear: "本年计划开工",
  planProductionThisYear: "本年计划投产",
  investmentCompletedBefore: "期初累计完成投资",
  fundsArrivedBefore: "期初累计到位资金",
  enterpriseId: "投资主体",
};

/** Keys of a stage event's evidence -> label. */
export const EVIDENCE_LABELS: Record<string, string> = {
  registrationDate: "注册日期",
  landArea: "用地面积（亩）",
  landSuppliedDate: "供地日期",
  actualStartDate: "实际开工日期",
  productionDate: "投产日期",
  capacity: "产能",
};

export function fieldLabel(key: string): string {
  return PROJECT_FIELD_LABELS[key] ?? key;
}

const FIELD_ORDER = Object.keys(PROJECT_FIELD_LABELS);
const EVIDENCE_ORDER = Object.keys(EVIDENCE_LABELS);
const rank = (order: string[], key: string) => {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
};

/**
 * Field keys in a stable order (stage and status first, then the form's order), whatever
 * order they were stored in (PostgreSQL's jsonb does not keep it).
 */
export function sortFields(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => rank(FIELD_ORDER, a) - rank(FIELD_ORDER, b));
}

/** Evidence keys in a stable order (registration, land, start, production, capacity). */
export function sortEvidence(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => rank(EVIDENCE_ORDER, a) - rank(EVIDENCE_ORDER, b));
}

/** Labels of the known keys, in field order, without repeats ("投资主体" once for enterpriseName + enterpriseId). */
export function fieldLabels(keys: Iterable<string>): string[] {
  const out: string[] = [];
  for (const key of sortFields(keys)) {
    const label = PROJECT_FIELD_LABELS[key];
    if (label && !out.includes(label)) out.push(label);
  }
  return out;
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: BUSINESS_TZ,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2026年3月5日 14:05" in Asia/Shanghai. */
export function formatDateTimeZh(at: Date): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const hour = parts.hour === "24" ? "00" : parts.hour;
  return `${parts.year}年${parts.month}月${parts.day}日 ${hour}:${parts.minute}`;
}

export interface ConflictInfo {
  /** Who wrote the version the caller did not see; null when nobody is recorded. */
  actorName: string | null;
  at: Date | null;
  /** Field keys they changed. */
  fields: string[];
}

/** The message a user gets when someone else changed the project since they loaded it. */
export function conflictMessage(info: ConflictInfo): string {
  const labels = fieldLabels(info.fields);
  const who = info.actorName ?? "其他用户";
  const when = info.at ? `于 ${formatDateTimeZh(info.at)} ` : "";
  const what = labels.length > 0 ? `（${labels.join("、")}）` : "";
  return `该项目已被 ${who} ${when}修改${what}，您的更改未保存。请刷新页面查看最新内容后重新操作`;
}
