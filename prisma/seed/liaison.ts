// 包保: who covers each enterprise and project, their visits, and the problems
// (诉求) they logged with a history consistent with each problem's status.
import type { IssueCategory, IssueStatus, Satisfaction, Stage, VisitKind } from "../../lib/db/generated/prisma/client";
import { type Day, isoOf, max, yearOf } from "./dates";
import type { PlanAssignment, PlanExtension, PlanIssue, PlanIssueEvent, PlanVisit } from "./plan-types";
import type { EnterpriseDraft, GenContext, ProjectDraft } from "./projects";
import { Rng } from "./random";
import { ISSUE_TEMPLATES, ISSUE_UNITS, STAGE_CATEGORIES, VISIT_ROLES, VISIT_SUMMARIES } from "./texts";

const REASSIGN_NOTE = "工作调整，包保责任人变更";

function liaisonAt(e: EnterpriseDraft, day: Day): string {
  return e.coverage.previous !== null && day < e.coverage.previous.until ? e.coverage.previous.liaison : e.coverage.liaison;
}

function stageAt(p: ProjectDraft, day: Day): Stage {
  if (p.actualProductionDate !== null && p.actualProductionDate <= day) return "PRODUCING";
  if (p.actualStartDate !== null && p.actualStartDate <= day) return "STARTED";
  if (p.landedDate !== null && p.landedDate <= day) return "LANDED";
  return "SIGNED";
}

/** The project a liaison would talk about on that day: the latest one signed and not ended. */
function projectAt(projects: ProjectDraft[], day: Day): ProjectDraft | null {
  let best: ProjectDraft | null = null;
  for (const p of projects) {
    if (p.signedDate > day) continue;
    if (p.status === "TERMINATED" && p.statusDate !== null && p.statusDate < day) continue;
    if (best === null || p.signedDate > best.signedDate) best = p;
  }
  return best;
}

export function planAssignments(ctx: GenContext, enterprises: EnterpriseDraft[], projects: ProjectDraft[]): PlanAssignment[] {
  const { team } = ctx;
  const staff = team.staff[0].username;
  const leader = team.leader.username;
  const unitOf = new Map(team.liaisons.map((l) => [l.username, l.unit]));
  const rows: PlanAssignment[] = [];
  const cover = (e: EnterpriseDraft, start: Day, target: { projectCode: string | null; enterpriseName: string | null }) => {
    const prev = e.coverage.previous;
    if (prev !== null && prev.until > start) {
      rows.push({ role: "LIAISON", user: prev.liaison, ...target, department: unitOf.get(prev.liaison)!, startDate: start, endDate: prev.until, note: null, createdBy: staff });
      rows.push({ role: "LIAISON", user: e.coverage.liaison, ...target, department: unitOf.get(e.coverage.liaison)!, startDate: prev.until, endDate: null, note: REASSIGN_NOTE, createdBy: staff });
    } else {
      rows.push({ role: "LIAISON", user: e.coverage.liaison, ...target, department: unitOf.get(e.coverage.liaison)!, startDate: start, endDate: null, note: null, createdBy: staff });
    }
    rows.push({ role: "LEADER", user: leader, ...target, department: "党工委（管委会）", startDate: start, endDate: null, note: null, createdBy: staff });
  };
  const byName = new Map(enterprises.map((e) => [e.name, e]));
  const firstSigned = new Map<string, Day>();
  for (const p of projects) {
    const d = firstSigned.get(p.enterpriseName);
    if (d === undefined || p.signedDate < d) firstSigned.set(p.enterpriseName, p.signedDate);
  }
  for (const e of enterprises) cover(e, firstSigned.get(e.name)!, { projectCode: null, enterpriseName: e.name });
  for (const p of projects) cover(byName.get(p.enterpriseName)!, p.signedDate, { projectCode: p.code, enterpriseName: null });
  return rows;
}

const KINDS: readonly (readonly [VisitKind, number])[] = [
  ["ON_SITE", 60],
  ["PHONE", 30],
  ["MEETING", 10],
];

export function planVisits(ctx: GenContext, enterprises: EnterpriseDraft[], projects: ProjectDraft[]): PlanVisit[] {
  const { today, cal, park, team } = ctx;
  const visits: PlanVisit[] = [];
  // Some liaisons visit more often than others; the board shows who is behind.
  const pace = new Map(team.liaisons.map((l) => [l.username, Rng.of(park.code, "pace", l.username).range(0.8, 1.5)]));
  for (const e of enterprises) {
    const rng = Rng.of(park.code, "visits", e.name);
    const own = projects.filter((p) => p.enterpriseName === e.name);
    const first = Math.min(...own.map((p) => p.signedDate));
    const allEnded = own.every((p) => p.status === "TERMINATED");
    const end = allEnded ? Math.max(...own.map((p) => p.statusDate ?? today)) : today;
    let d = max(first + rng.int(3, 20), today - 730 + rng.int(0, 30));
    while (d <= end) {
      const day = cal.workdayOnOrAfter(d, end);
      if (day < first) break;
      const project = projectAt(own, day);
      const liaison = liaisonAt(e, day);
      const kind = rng.weighted(KINDS);
      const stage = project === null ? "SIGNED" : stageAt(project, day);
      const text = rng.pick(VISIT_SUMMARIES[stage]);
      const summary = kind === "PHONE" ? `电话联系${e.contactName}，${text}` : kind === "MEETING" ? `组织召开企业座谈会，${text}` : text;
      // Days strictly increase per enterprise, so the key is unique within the park.
      visits.push({
        key: visitKey(e.name, day, liaison),
        enterpriseName: e.name,
        projectCode: project?.code ?? null,
        liaison,
        visitDate: day,
        kind,
        peopleMet: kind === "PHONE" ? e.contactName : `${e.contactName}（${rng.pick(VISIT_ROLES)}）`,
        summary,
      });
      d = day + Math.round(rng.int(18, 40) * pace.get(liaison)!);
    }
  }
  return visits;
}

const LONG_CATEGORIES: ReadonlySet<IssueCategory> = new Set(["LAND", "PLANNING_APPROVAL", "FINANCING"]);

type Stall = "none" | "assigned" | "in_progress" | "answered";
type Draft = { enterprise: EnterpriseDraft; project: ProjectDraft | null; visitKey: string | null; raised: Day; stall?: Stall };

export function planIssues(
  ctx: GenContext,
  enterprises: EnterpriseDraft[],
  projects: ProjectDraft[],
  visits: PlanVisit[],
): PlanIssue[] {
  const { today, cal, park, team } = ctx;
  const rng = Rng.of(park.code, "issues");
  const leader = team.leader.username;
  const byName = new Map(enterprises.map((e) => [e.name, e]));
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const drafts: Draft[] = [];
  for (const v of visits) {
    if (!rng.chance(0.09)) continue;
    drafts.push({
      enterprise: byName.get(v.enterpriseName)!,
      project: v.projectCode === null ? null : byCode.get(v.projectCode)!,
      visitKey: v.key,
      raised: v.visitDate,
    });
  }
  for (const e of enterprises) {
    if (!rng.chance(0.25)) continue;
    const own = projects.filter((p) => p.enterpriseName === e.name);
    const from = max(Math.min(...own.map((p) => p.signedDate)), today - 700);
    const raised = cal.workdayOnOrAfter(rng.int(from, today), today);
    drafts.push({ enterprise: e, project: projectAt(own, raised), visitKey: null, raised });
  }
  // Whatever the date, every liaison has problems on their desk: one past its deadline (raised
  // 20 working days ago, still 办理中) and one just handed over (交办), on an enterprise they
  // cover today. The random ones above may all be closed on some days.
  for (const liaison of team.liaisons) {
    const covered = enterprises.filter((e) => e.coverage.liaison === liaison.username && e.coverage.previous === null && e.createdDay <= today - 60);
    if (covered.length === 0) continue;
    const e = covered[rng.int(0, covered.length - 1)];
    const own = projects.filter((p) => p.enterpriseName === e.name);
    for (const [back, stall] of [[20, "in_progress"], [1, "assigned"]] as const) {
      let raised = today;
      for (let left = back; left > 0; ) if (cal.isWorkday(--raised)) left--;
      drafts.push({ enterprise: e, project: projectAt(own, raised), visitKey: null, raised, stall });
    }
  }
  drafts.sort((a, b) => a.raised - b.raised || a.enterprise.name.localeCompare(b.enterprise.name));

  const issues: PlanIssue[] = [];
  const seqByYear = new Map<number, number>();
  for (const draft of drafts) {
    const irng = Rng.of(park.code, "issue", issues.length);
    const year = yearOf(draft.raised);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const liaison = liaisonAt(draft.enterprise, draft.raised);
    const stage = draft.project === null ? "SIGNED" : stageAt(draft.project, draft.raised);
    const category = irng.weighted(STAGE_CATEGORIES[stage]);
    const template = irng.pick(ISSUE_TEMPLATES[category]);
    const n = String(irng.pick([3, 5, 8, 12, 20, 30, 50, 80, 120, 200, 500, 800]));
    const unit = irng.pick(ISSUE_UNITS[category]);
    const issue: PlanIssue = {
      code: `WT-${park.code}-${year}-${String(seq).padStart(4, "0")}`,
      enterpriseName: draft.enterprise.name,
      projectCode: draft.project?.code ?? null,
      visitKey: draft.visitKey,
      category,
      title: template.title,
      description: template.description.replace("{n}", n),
      raisedDate: draft.raised,
      raisedBy: draft.enterprise.contactName,
      reporter: liaison,
      responsibleUnit: unit,
      responsibleUser: liaison,
      status: "COLLECTED",
      level: 1,
      answerDeadline: cal.addWorkdays(draft.raised, 3),
      resolveDeadline: cal.addWorkdays(draft.raised, LONG_CATEGORIES.has(category) ? 15 : 7),
      answeredDate: null,
      answer: null,
      closedDate: null,
      satisfaction: null,
      reopenCount: 0,
      events: [],
      extensions: [],
    };
    runLifecycle(irng, ctx, issue, { liaison, leader, unit, answer: template.answer }, draft.stall);
    issues.push(issue);
  }
  return issues;
}

type Roles = { liaison: string; leader: string; unit: string; answer: string };

/**
 * Walks one problem through 收集 -> 交办 -> 办理 -> 反馈 -> 销号 (with escalation,
 * extension and reopening on the way), stopping at today: whatever has not
 * happened by then is the problem's current, open state.
 */
function runLifecycle(rng: Rng, ctx: GenContext, issue: PlanIssue, roles: Roles, forced?: Stall): void {
  const { today, cal } = ctx;
  // Problems stuck without progress are recent ones (older ones were pushed
  // through by 督办 long ago), so the open list is a believable few months deep.
  const recent = today - issue.raisedDate < 150;
  const random: Stall = recent
    ? rng.weighted([
        ["none", 70],
        ["assigned", 5],
        ["in_progress", 17],
        ["answered", 8],
      ] as const)
    : "none";
  const stall = forced ?? random;
  let stopped = false;
  const at = (day: Day, apply: () => void): boolean => {
    if (stopped || day > today) {
      stopped = true;
      return false;
    }
    apply();
    return true;
  };
  const event = (e: Omit<PlanIssueEvent, "fromLevel" | "toLevel" | "data" | "note"> & Partial<PlanIssueEvent>) =>
    issue.events.push({ fromLevel: null, toLevel: null, data: null, note: null, ...e });
  const move = (day: Day, to: IssueStatus, actor: string, note: string | null) =>
    at(day, () => {
      event({ type: "STATUS_CHANGED", fromStatus: issue.status, toStatus: to, actor, day, note });
      issue.status = to;
    });

  let d = issue.raisedDate;
  at(d, () => event({ type: "CREATED", fromStatus: null, toStatus: "COLLECTED", actor: roles.liaison, day: d, note: "走访收集企业诉求" }));
  d = cal.addWorkdays(d, rng.int(0, 1));
  if (!move(d, "ASSIGNED", roles.liaison, `交办${roles.unit}办理`) || stall === "assigned") return;
  d = cal.addWorkdays(d, rng.int(0, 2));
  if (!move(d, "IN_PROGRESS", roles.liaison, `${roles.unit}已受理`)) return;

  const escalate = rng.chance(stall === "in_progress" ? 0.5 : 0.12);
  if (escalate) {
    d = cal.addWorkdays(d, rng.int(2, 6));
    const ok = at(d, () => {
      event({ type: "ESCALATED", fromStatus: issue.status, toStatus: issue.status, fromLevel: 1, toLevel: 2, actor: roles.liaison, day: d, note: "超出包保责任人协调能力，提请包保领导召集相关部门会商" });
      issue.level = 2;
      issue.responsibleUser = roles.leader;
    });
    if (!ok) return;
    if (rng.chance(0.3)) {
      d = cal.addWorkdays(d, rng.int(3, 8));
      const ok3 = at(d, () => {
        event({ type: "ESCALATED", fromStatus: issue.status, toStatus: issue.status, fromLevel: 2, toLevel: 3, actor: roles.leader, day: d, note: "提交党工委（管委会）会议研究解决" });
        issue.level = 3;
      });
      if (!ok3) return;
    }
  }

  if (rng.chance(0.07) && d < issue.resolveDeadline) {
    const requested = cal.addWorkdays(issue.resolveDeadline, 10);
    const ext: PlanExtension = {
      requestedBy: roles.liaison,
      requestedDeadline: requested,
      reason: "涉及多个部门联合办理，需延长办理时限",
      status: "PENDING",
      decidedBy: null,
      decidedDay: null,
      decisionNote: null,
      createdDay: d,
    };
    const asked = at(d, () => {
      event({ type: "EXTENSION_REQUESTED", fromStatus: issue.status, toStatus: issue.status, actor: roles.liaison, day: d, data: { requestedDeadline: isoOf(requested) } });
      issue.extensions.push(ext);
    });
    if (!asked) return;
    d = cal.addWorkdays(d, 1);
    const approve = rng.chance(0.8);
    const decided = at(d, () => {
      ext.status = approve ? "APPROVED" : "REJECTED";
      ext.decidedBy = roles.leader;
      ext.decidedDay = d;
      ext.decisionNote = approve ? "同意延期，请按新时限办结" : "不同意延期，请按原时限办结";
      event({ type: approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED", fromStatus: issue.status, toStatus: issue.status, actor: roles.leader, day: d });
      if (approve) {
        event({ type: "DEADLINE_CHANGED", fromStatus: issue.status, toStatus: issue.status, actor: roles.leader, day: d, data: { from: isoOf(issue.resolveDeadline), to: isoOf(requested) } });
        issue.resolveDeadline = requested;
      }
    });
    if (!decided) return;
  }
  if (stall === "in_progress") return;

  const answer = (day: Day, text: string) =>
    at(day, () => {
      event({ type: "STATUS_CHANGED", fromStatus: issue.status, toStatus: "ANSWERED", actor: issue.responsibleUser, day, note: text });
      issue.status = "ANSWERED";
      issue.answeredDate = day;
      issue.answer = text;
    });
  const close = (day: Day, satisfaction: Satisfaction, note: string) =>
    at(day, () => {
      event({ type: "CLOSED", fromStatus: issue.status, toStatus: "CLOSED", actor: roles.liaison, day, note, data: { satisfaction } });
      issue.status = "CLOSED";
      issue.closedDate = day;
      issue.satisfaction = satisfaction;
    });

  d = cal.addWorkdays(d, rng.int(1, 10) + (issue.level > 1 ? rng.int(3, 10) : 0));
  if (!answer(d, roles.answer) || stall === "answered") return;
  d = cal.addWorkdays(d, rng.int(0, 4));
  const path = rng.weighted([
    ["satisfied", 88],
    ["reopened-closed", 5],
    ["reopened-closed-unsatisfied", 3],
    ["reopened-open", 4],
  ] as const);
  if (path === "satisfied") {
    close(d, "SATISFIED", "企业评价满意，予以销号");
    return;
  }
  const first: Satisfaction = rng.chance(0.6) ? "DISSATISFIED" : "BASICALLY_SATISFIED";
  if (!close(d, first, first === "DISSATISFIED" ? "企业评价不满意" : "企业评价基本满意")) return;
  at(d, () => {
    event({ type: "REOPENED", fromStatus: "CLOSED", toStatus: "IN_PROGRESS", actor: roles.liaison, day: d, note: "企业评价未达满意，重新办理复核", data: { satisfaction: first } });
    issue.status = "IN_PROGRESS";
    issue.closedDate = null;
    issue.satisfaction = null;
    issue.reopenCount += 1;
  });
  if (path === "reopened-open" && today - d < 60) return;
  d = cal.addWorkdays(d, rng.int(3, 10));
  if (!answer(d, `经复核：${roles.answer}`)) return;
  d = cal.addWorkdays(d, rng.int(1, 3));
  if (path === "reopened-closed") close(d, "SATISFIED", "复核后企业评价满意，予以销号");
  else {
    const final: Satisfaction = rng.chance(0.7) ? "BASICALLY_SATISFIED" : "DISSATISFIED";
    close(d, final, "经复核已按政策办理到位，超出政策部分已向企业解释说明，予以销号");
  }
}

export function visitKey(enterpriseName: string, day: Day, liaison: string): string {
  return `${enterpriseName}|${day}|${liaison}`;
}
