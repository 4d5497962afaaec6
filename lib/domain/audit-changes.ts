// The before -> after of an audit row, field by field, as a leader reads it: Chinese field
// names, enum values in words, money in 万元, ids as the names the server looked up. The
// row's action says what the fields mean ("status" of a project or of a problem, "kind" of
// a visit or of a holiday), so labels and values are chosen by the action's prefix. Pure.

import { ROLE_LABELS } from "@/lib/domain/permissions";
import { API_TOKEN_SCOPE_LABELS } from "./api-tokens";
import {
  EXTENSION_STATUS_LABELS,
  ISSUE_CATEGORY_LABELS,
  ISSUE_EVENT_LABELS,
  ISSUE_LEVEL_LABELS,
  ISSUE_STATUS_LABELS,
  SATISFACTION_LABELS,
  VISIT_KIND_LABELS,
} from "./issues";
import { ASSIGNMENT_ROLE_LABEL } from "./coverage";
import { HOLIDAY_KIND_LABELS, KEY_LEVEL_LABELS, PARK_LEVEL_LABELS, PARK_TYPE_LABELS, SOURCE_LABELS } from "./labels";
import { formatWan } from "./money";
import { CARRY_MODE_LABELS, PLAN_VIA_LABELS } from "./year-plans";
import { PROJECT_FIELD_LABELS } from "./project-fields";
import { STAGE_LABELS, STATUS_LABELS } from "./stages";

export type RefKind = "user" | "park" | "region" | "enterprise" | "project";

/** Keys whose values are record ids; the server looks their names up for the page in one query per kind. */
export const AUDIT_REF_FIELDS: Record<string, RefKind> = {
  userId: "user",
  liaisonId: "user",
  responsibleUserId: "user",
  reporterId: "user",
  liaisonUserId: "user",
  leaderUserId: "user",
  fromUserId: "user",
  toUserId: "user",
  createdById: "user",
  parkId: "park",
  parkIds: "park",
  regionId: "region",
  enterpriseId: "enterprise",
  projectId: "project",
  projectIds: "project",
};

export type AuditNames = Partial<Record<RefKind, ReadonlyMap<number, string>>>;

export interface AuditChange {
  /** Path of the field in the stored JSON ("warningRules.start.enabled"). */
  key: string;
  label: string;
  /** undefined: the side does not record the field; null: recorded empty. */
  before?: string | null;
  after?: string | null;
}

// Technical keys that mean nothing to a reader (row ids, hashes, optimistic-lock versions).
const HIDDEN = new Set([
  "id",
  "version",
  "sha256",
  "assignmentId",
  "assignmentIds",
  "endedAssignmentIds",
  "extensionId",
  "duplicateId",
  "passwordHash",
  "sessionVersion",
  "elapsedMs",
]);

const COMMON_LABELS: Record<string, string> = {
  name: "名称",
  code: "编号",
  note: "备注",
  reason: "原因",
  date: "日期",
  year: "年度",
  month: "月份",
  userName: "人员",
  userId: "人员",
  parkName: "园区",
  parkId: "园区",
  parkIds: "园区",
  regionId: "市州",
  enterpriseId: "企业",
  enterpriseName: "企业",
  projectId: "项目",
  projectName: "项目",
  liaisonId: "包保责任人",
  responsibleUserId: "负责人",
  reporterId: "登记人",
  visitId: "走访记录",
  role: "角色",
  memberships: "角色",
  assignments: "包保人员",
  startDate: "开始日期",
  endDate: "结束日期",
  department: "所在部门",
  attachments: "附件",
  count: "数量",
  archivedAt: "归档时间",
  username: "用户名",
  unit: "单位/部门",
  title: "职务",
  phone: "电话",
  email: "邮箱",
  isActive: "账号状态",
  mustChangePassword: "下次登录须改密码",
  via: "途径",
  creditCode: "统一社会信用代码",
  legalPerson: "法定代表人",
  contactName: "联系人",
  contactPhone: "联系电话",
  contacts: "联系人",
  address: "地址",
  industry: "产业链/行业",
};

/** Labels by the action's prefix; they win over the common ones. */
const CONTEXT_LABELS: Record<string, Record<string, string>> = {
  project: {
    ...PROJECT_FIELD_LABELS,
    yearPlan: "本年计划",
    plannedInvestment: "计划投资",
    planStart: "计划开工",
    planProduction: "计划投产",
    fromYear: "结转自",
    mode: "结转方式",
    fileName: "文件名",
    rows: "台账行数",
    created: "新建项目数",
    unchanged: "未改动行数",
    perPark: "各园区新建数",
  },
  progress: {
    investmentCompleted: "本月完成投资",
    fundsArrived: "本月到位资金",
    imageProgress: "形象进度",
    problems: "存在问题",
    projectId: "项目",
  },
  assignment: { role: "包保角色", userName: "包保人员", userId: "包保人员", groups: "移交明细", count: "移交数量", startDate: "开始日期", successor: "接任人员" },
  enterprise: {
    name: "企业名称",
    survivor: "保留的企业",
    duplicate: "并入的重复企业",
    filled: "补全的字段",
    moved: "转入的记录",
    projects: "项目",
    visits: "走访记录",
    issues: "企业问题",
    assignments: "包保关系",
  },
  visit: { visitDate: "走访日期", kind: "走访方式", peopleMet: "会见人员", summary: "走访情况", issues: "登记的问题", liaisonId: "走访人" },
  issue: {
    code: "问题编号",
    status: "问题状态",
    level: "协调层级",
    category: "问题类别",
    title: "问题标题",
    description: "问题描述",
    raisedDate: "提出日期",
    raisedBy: "企业反映人",
    responsibleUnit: "责任单位",
    answerDeadline: "答复时限",
    resolveDeadline: "办结时限",
    answeredDate: "反馈日期",
    answer: "办理结果",
    closedDate: "销号日期",
    satisfaction: "满意度",
    reopenCount: "重新办理次数",
    events: "处理记录",
  },
  region: { name: "市州名称", code: "市州编码" },
  park: {
    name: "园区名称",
    code: "园区编码",
    level: "园区级别",
    type: "园区类型",
    regionId: "所属市州",
    staleDaysSigned: "签约阶段滞留天数",
    staleDaysLanded: "落地阶段滞留天数",
    staleDaysStarted: "开工阶段滞留天数",
    visitIntervalDays: "走访周期（天）",
    warningRules: "亮灯规则",
    start: "开工",
    progress: "投资进度",
    filing: "月度填报",
    enabled: "启用",
    redMonthsLate: "红灯滞后月数",
    yellowPoints: "黄灯百分点",
    redPoints: "红灯百分点",
  },
  user: { username: "用户名", name: "姓名", unit: "单位/部门", title: "职务", phone: "电话", email: "邮箱", isActive: "账号状态", memberships: "角色" },
  membership: { role: "角色", parkId: "园区", regionId: "市州" },
  holiday: { name: "名称", kind: "类型" },
  seed: {
    today: "数据日期",
    created: "有新建数据",
    regions: "新建市州",
    parks: "新建园区",
    users: "新建用户",
    memberships: "新建角色",
    holidays: "新建节假日",
    parksSeeded: "生成演示数据的园区",
    parksSkipped: "已有数据而跳过的园区",
    totals: "演示数据",
    projects: "项目",
    enterprises: "企业",
    stageEvents: "阶段记录",
    yearPlans: "年度计划",
    reports: "月报",
    assignments: "包保",
    visits: "走访",
    issues: "问题",
    issueEvents: "处理记录",
  },
  plan: {
    year: "计划年度",
    fromYear: "结转自",
    toYear: "结转至",
    mode: "结转方式",
    carried: "结转项目数",
    kept: "已有计划未覆盖",
    saved: "设置或修改的项目数",
    removed: "移出计划的项目数",
    unchanged: "未变化的行数",
    rows: "表格行数",
    fileName: "文件名",
    projectIds: "项目",
  },
  apiToken: { name: "令牌名称", prefix: "令牌前缀", scope: "权限", parkIds: "园区", expiresOn: "有效期至", revokedAt: "吊销时间" },
};

const ANY_ROLE_LABELS: Record<string, string> = { ...ROLE_LABELS, ...ASSIGNMENT_ROLE_LABEL };

/** Enum values in words, by prefix then field. */
const CONTEXT_VALUES: Record<string, Record<string, Record<string | number, string>>> = {
  project: { status: STATUS_LABELS, via: PLAN_VIA_LABELS, mode: CARRY_MODE_LABELS },
  plan: { mode: CARRY_MODE_LABELS },
  issue: { status: ISSUE_STATUS_LABELS, level: ISSUE_LEVEL_LABELS },
  park: { level: PARK_LEVEL_LABELS, type: PARK_TYPE_LABELS },
  visit: { kind: VISIT_KIND_LABELS },
  holiday: { kind: HOLIDAY_KIND_LABELS },
};
const COMMON_VALUES: Record<string, Record<string | number, string>> = {
  stage: STAGE_LABELS,
  toStage: STAGE_LABELS,
  keyLevel: KEY_LEVEL_LABELS,
  source: SOURCE_LABELS,
  role: ANY_ROLE_LABELS,
  satisfaction: SATISFACTION_LABELS,
  category: ISSUE_CATEGORY_LABELS,
  scope: API_TOKEN_SCOPE_LABELS,
  decision: EXTENSION_STATUS_LABELS,
  type: ISSUE_EVENT_LABELS,
};

const MONEY = new Set([
  "totalInvestment",
  "contractInvestment",
  "registeredCapital",
  "plannedInvestmentThisYear",
  "plannedInvestment",
  "investmentCompleted",
  "fundsArrived",
]);

const TEXT_MAX = 200;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const instantFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const prefixOf = (action: string) => action.split(".")[0];

function labelOf(ctx: string, key: string): string {
  return CONTEXT_LABELS[ctx]?.[key] ?? COMMON_LABELS[key] ?? PROJECT_FIELD_LABELS[key] ?? key;
}

function refName(kind: RefKind, value: unknown, names: AuditNames): string {
  const id = Number(value);
  return names[kind]?.get(id) ?? `#${String(value)}`;
}

function scalar(ctx: string, key: string, value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return key === "isActive" ? (value ? "启用" : "停用") : value ? "是" : "否";
  const ref = AUDIT_REF_FIELDS[key];
  if (ref && (typeof value === "number" || /^\d+$/.test(String(value)))) return refName(ref, value, names);
  const words = CONTEXT_VALUES[ctx]?.[key] ?? COMMON_VALUES[key];
  const text = String(value);
  if (words?.[text] !== undefined) return words[text];
  if (MONEY.has(key) && /^-?\d+(\.\d+)?$/.test(text)) return formatWan(text);
  if (key === "landArea") return `${text} 亩`;
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return instantFormat.format(new Date(text)).replace(/\//g, "-");
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX)}…` : text;
}

/** One element of a list (a membership, an assignment, a problem's event) on one line. */
function compact(ctx: string, o: Json, names: AuditNames): string {
  const used = new Set<string>(["userId", "parkId", "regionId", "role", "type", "userName", "parkName", "count", "startDate", "note", "data", "fromStatus", "toStatus"]);
  const head = [
    o.role !== undefined ? scalar(ctx, "role", o.role, names) : null,
    o.parkName ? String(o.parkName) : o.parkId != null ? refName("park", o.parkId, names) : null,
    o.regionId != null ? refName("region", o.regionId, names) : null,
    o.userName ? String(o.userName) : o.userId != null ? refName("user", o.userId, names) : null,
    o.type !== undefined ? scalar(ctx, "type", o.type, names) : null,
  ].filter(Boolean);
  const tail: string[] = [];
  if (o.count != null) tail.push(`${String(o.count)} 项`);
  if (o.startDate) tail.push(`${String(o.startDate)} 起`);
  for (const [k, v] of Object.entries(o)) {
    if (used.has(k) || HIDDEN.has(k)) continue;
    const shown = display(ctx, k, v, names);
    if (shown !== null) tail.push(`${labelOf(ctx, k)}：${shown}`);
  }
  if (o.note) tail.push(String(o.note));
  if (head.length === 0) return tail.join("，");
  return tail.length ? `${head.join(" ")}（${tail.join("，")}）` : head.join(" ");
}

// Lists of field names (the fields a merge filled in) read as their labels.
const FIELD_LISTS = new Set(["filled", "changed"]);

function display(ctx: string, key: string, value: unknown, names: AuditNames): string | null {
  if (FIELD_LISTS.has(key) && Array.isArray(value)) return value.length ? value.map((k) => labelOf(ctx, String(k))).join("、") : null;
  if (Array.isArray(value)) {
    const items = value.map((v) => (isObject(v) ? compact(ctx, v, names) : scalar(ctx, key, v, names))).filter((v): v is string => !!v);
    return items.length ? items.join(isObject(value[0]) ? "；" : "、") : null;
  }
  if (isObject(value)) return compact(ctx, value, names) || null;
  return scalar(ctx, key, value, names);
}

// A name stored beside its id (userName beside userId) says the same thing better.
const NAMED = [
  ["userId", "userName"],
  ["parkId", "parkName"],
  ["enterpriseId", "enterpriseName"],
  ["projectId", "projectName"],
] as const;

/** Nested objects become dotted paths so each setting compares on its own; lists stay whole. */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (HIDDEN.has(k)) continue;
    if (NAMED.some(([id, name]) => k === id && value[name])) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

function order(ctx: string): string[] {
  return [...new Set([...Object.keys(CONTEXT_LABELS[ctx] ?? {}), ...Object.keys(COMMON_LABELS), ...Object.keys(PROJECT_FIELD_LABELS)])];
}

/**
 * The fields of an audit row: both sides where it records both (an edit), one side for a
 * creation or a deletion. Fields equal on both sides and empty fields of a one-sided
 * record are left out; `before` alone beside a recorded `after` is the state the change
 * started from (a problem's status before a comment).
 */
export function auditChanges(action: string, before: unknown, after: unknown, names: AuditNames = {}): AuditChange[] {
  const ctx = prefixOf(action);
  const b = flatten(before);
  const a = flatten(after);
  const rank = order(ctx);
  const pos = (segment: string) => {
    const i = rank.indexOf(segment);
    return i === -1 ? rank.length : i;
  };
  // Segment by segment, so nested settings keep the order of their labels too.
  const byRank = (x: string, y: string) => {
    const xs = x.split(".");
    const ys = y.split(".");
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      const d = pos(xs[i]) - pos(ys[i]) || xs[i].localeCompare(ys[i]);
      if (d !== 0) return d;
    }
    return xs.length - ys.length;
  };
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort(byRank);
  const out: AuditChange[] = [];
  for (const key of keys) {
    const leaf = key.split(".").at(-1)!;
    const label = key
      .split(".")
      .map((k) => labelOf(ctx, k))
      .join("·");
    const change: AuditChange = { key, label };
    if (b.has(key)) change.before = display(ctx, leaf, b.get(key), names);
    if (a.has(key)) change.after = display(ctx, leaf, a.get(key), names);
    if (change.before !== undefined && change.after !== undefined && change.before === change.after) continue;
    if (change.before == null && change.after == null) continue;
    out.push(change);
  }
  return out;
}

/** The ids the rows' JSON refers to, by kind, for one name lookup per kind. */
export function collectAuditRefs(values: unknown[]): Record<RefKind, number[]> {
  const found: Record<RefKind, Set<number>> = { user: new Set(), park: new Set(), region: new Set(), enterprise: new Set(), project: new Set() };
  const add = (kind: RefKind, v: unknown) => {
    const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n) && n > 0 && n <= 2_147_483_647) found[kind].add(n);
  };
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [k, inner] of Object.entries(v)) {
        const kind = AUDIT_REF_FIELDS[k];
        if (kind) (Array.isArray(inner) ? inner : [inner]).forEach((x) => add(kind, x));
        else walk(inner);
      }
    }
  };
  values.forEach(walk);
  return {
    user: [...found.user],
    park: [...found.park],
    region: [...found.region],
    enterprise: [...found.enterprise],
    project: [...found.project],
  };
}
