// Chinese names of what the audit trail records: every action string the server writes
// (AuditLog.action) and every kind of record (AuditLog.entityType), so the audit page never
// shows a raw code such as "issue.requestExtension". A unit test reads the source files and
// fails when an action is written that has no label here. Pure: no I/O.

import { ISSUE_ACTIONS, ISSUE_ACTION_LABELS } from "./issues";

/** Action -> label, grouped as the action filter lists them. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // sign-in
  "auth.signIn": "登录",
  "auth.signInFailed": "登录失败",
  "auth.accountLocked": "账号锁定（登录失败次数过多）",
  "auth.ipLocked": "IP 锁定（登录失败次数过多）",
  "auth.signOut": "退出登录",
  // projects
  "project.create": "新建项目",
  "project.update": "修改项目台账",
  "project.move": "推进阶段",
  "project.correct": "更正阶段（回退）",
  "project.suspend": "暂缓项目",
  "project.terminate": "终止项目",
  "project.resume": "恢复推进",
  "project.yearPlan": "设置年度计划",
  "project.yearPlanRemove": "移出年度计划",
  "plan.bulkSave": "批量保存年度计划",
  "plan.import": "导入年度计划表",
  "plan.carryOver": "结转年度计划",
  "project.import": "台账导入",
  "progress.file": "填报月度进度",
  "progress.correct": "更正月度进度",
  "progress.import": "月度进度导入",
  "progress.correctionRequest": "申请更正已定稿月份的月报",
  "progress.correctionApprove": "批准月报更正申请",
  "progress.correctionReject": "驳回月报更正申请",
  // 定稿通报
  "bulletin.publish": "定稿发布月度通报",
  "bulletin.supersede": "发布更正版通报",
  // 包保
  "assignment.assign": "指派包保",
  "assignment.reassign": "更换包保",
  "assignment.bulkReassign": "批量移交包保",
  "assignment.end": "结束包保",
  // enterprises, visits and their problems
  "enterprise.create": "新建企业",
  "enterprise.update": "修改企业信息",
  "enterprise.merge": "合并重复企业",
  "visit.create": "登记走访",
  "issue.create": "登记问题",
  "issue.receive": "直接受理问题（首问）",
  "issue.acceptHandoff": "接收首问移交",
  // 督办
  "supervision.issue": "下发督办函",
  "supervision.reply": "回复督办整改情况",
  "supervision.accept": "督办销号",
  "supervision.return": "退回督办回复",
  // 每月会商
  "meeting.prepare": "定稿会商议程",
  "meeting.addItem": "增加会商议题",
  "meeting.removeItem": "移出会商议题",
  "meeting.recordAttendance": "登记会商参会人员",
  "meeting.decide": "记录议定事项",
  "meeting.completeTask": "办结会商跟踪事项",
  ...Object.fromEntries(ISSUE_ACTIONS.map((a) => [`issue.${a}`, ISSUE_ACTION_LABELS[a]])),
  // organisation
  "region.create": "新建市州",
  "region.update": "修改市州",
  "region.archive": "归档市州",
  "region.restore": "恢复市州",
  "park.create": "新建园区",
  "park.update": "修改园区",
  "park.archive": "归档园区",
  "park.restore": "恢复园区",
  "park.settings": "修改园区设置",
  // people
  "user.create": "新建用户",
  "user.update": "修改用户信息",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.passwordReset": "重置密码",
  "user.passwordChange": "修改密码",
  "user.setLocale": "切换界面语言",
  "membership.add": "添加角色",
  "membership.remove": "移除角色",
  // administration
  "holiday.create": "新增节假日",
  "holiday.update": "修改节假日",
  "holiday.delete": "删除节假日",
  "apiToken.create": "创建接口令牌",
  "apiToken.revoke": "吊销接口令牌",
  "seed.demo": "导入演示数据",
  // 积分考核
  "points.ruleSet": "设置积分规则",
  "points.adjust": "人工加减分",
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);

/** The action filter's groups (messages audit.groups hold their words in each language). */
export const AUDIT_GROUP_LABELS = {
  signIn: "登录",
  projects: "项目与进度",
  bulletin: "月度通报",
  liaison: "包保",
  field: "企业、走访与问题",
  supervision: "督办",
  org: "市州与园区",
  people: "人员与角色",
  points: "积分考核",
  system: "系统管理",
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUP_LABELS;

const GROUP_OF_PREFIX: Record<string, AuditGroup> = {
  auth: "signIn",
  project: "projects",
  plan: "projects",
  progress: "projects",
  bulletin: "bulletin",
  assignment: "liaison",
  enterprise: "field",
  visit: "field",
  issue: "field",
  supervision: "supervision",
  region: "org",
  park: "org",
  user: "people",
  membership: "people",
  points: "points",
};

/** The actions in the groups the action filter shows them in, in the order of the label list. */
export function auditActionGroups(): { key: AuditGroup; label: string; actions: [action: string, label: string][] }[] {
  const groups = new Map<AuditGroup, [string, string][]>();
  for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
    const group = GROUP_OF_PREFIX[action.split(".")[0]] ?? "system";
    groups.set(group, [...(groups.get(group) ?? []), [action, label]]);
  }
  return [...groups].map(([key, actions]) => ({ key, label: AUDIT_GROUP_LABELS[key], actions }));
}

/** AuditLog.entityType -> the kind of record, as people call it. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Project: "项目",
  YearPlan: "园区年度计划",
  ProgressReport: "月度进度",
  ProgressCorrection: "月报更正申请",
  PublishedBulletin: "定稿通报",
  Import: "台账导入",
  Enterprise: "企业",
  Visit: "走访记录",
  EnterpriseIssue: "企业问题",
  Supervision: "督办函",
  Meeting: "每月会商",
  MeetingTask: "会商跟踪事项",
  Assignment: "包保关系",
  Region: "市州",
  Park: "园区",
  User: "用户",
  Membership: "角色",
  Holiday: "节假日",
  ApiToken: "接口令牌",
  PointRule: "积分规则",
  PointAdjustment: "人工加减分",
  System: "系统",
};

export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS);

/** The action's label; an action recorded before this list knew it keeps its code rather than disappearing. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType;
}
