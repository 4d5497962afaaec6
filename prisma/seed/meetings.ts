// Demo 每月会商 for one park, written after its plan and rituals (same transaction): last
// month's meeting, held, with an agenda taken from the plan's record (problems past their
// deadline, projects past their planned start) and a free item, attendees (the park's people
// and a city bureau), and decisions with follow-up tasks in every state: done, open and
// overdue (so it is carried into this month's agenda), open within its deadline.
// Deterministic: every choice is ordered by code; days count from `today`.
import type { Prisma } from "../../lib/db/client";
import { issueAgendaReason, notStartedAgendaReason } from "../../lib/domain/meetings";
import { type Day, firstDayOfMonthIndex, instantOn, isoOf, monthIndex, toDate } from "./dates";
import type { WorkCalendar } from "./holidays";
import type { ParkTeam } from "./people";

type Tx = Prisma.TransactionClient;

export async function writeParkMeeting(tx: Tx, parkId: number, parkName: string, team: ParkTeam, userIds: Map<string, number>, today: Day, cal: WorkCalendar, now: Date): Promise<number> {
  const uid = (username: string) => userIds.get(username)!;
  const leader = uid(team.leader.username);
  const staff = uid(team.staff[0].username);
  const liaison = team.liaisons.length ? uid(team.liaisons[0].username) : staff;

  const month = firstDayOfMonthIndex(monthIndex(today) - 1);
  // The last working day on or before the 20th of last month.
  let held = month + 19;
  while (!cal.isWorkday(held)) held--;
  const prepared = held - 3;

  const issues = await tx.enterpriseIssue.findMany({
    where: { parkId, status: { not: "CLOSED" }, resolveDeadline: { lt: toDate(prepared) } },
    orderBy: { code: "asc" },
    take: 2,
    select: { id: true, title: true, level: true, projectId: true, resolveDeadline: true, enterprise: { select: { name: true } } },
  });
  const late = await tx.project.findMany({
    where: { parkId, status: "ACTIVE", stage: { in: ["SIGNED", "LANDED"] }, plannedStartDate: { lt: toDate(prepared) } },
    orderBy: { code: "asc" },
    take: 2,
    select: { id: true, name: true, stage: true, plannedStartDate: true },
  });
  if (issues.length + late.length === 0) return 0;

  const y = isoOf(month).slice(0, 4);
  const m = Number(isoOf(month).slice(5, 7));
  const items = [
    ...issues.map((i) => ({ kind: "ISSUE" as const, title: `${i.title}（${i.enterprise.name}）`, reason: issueAgendaReason({ level: i.level, deadline: i.resolveDeadline.toISOString().slice(0, 10) }, isoOf(prepared)), projectId: i.projectId, issueId: i.id })),
    ...late.map((p) => ({ kind: "NOT_STARTED" as const, title: p.name, reason: notStartedAgendaReason({ plannedStartDate: p.plannedStartDate!.toISOString().slice(0, 10), stage: p.stage }, isoOf(prepared)), projectId: p.id, issueId: null })),
    { kind: "FREE" as const, title: "园区标准厂房招商进展", reason: null, projectId: null, issueId: null },
  ];
  const meeting = await tx.meeting.create({
    data: {
      scopeKey: `park:${parkId}`,
      parkId,
      month: toDate(month),
      title: `${parkName}${y} 年 ${m} 月项目推进会商`,
      meetingDate: toDate(held),
      location: "管委会三楼会议室",
      status: "HELD",
      preparedById: leader,
      heldAt: instantOn(held, 17, 0, now),
      createdAt: instantOn(prepared, 9, 0, now),
      items: { create: items.map((it, n) => ({ position: n + 1, ...it, createdAt: instantOn(prepared, 9, 0, now) })) },
      attendees: {
        create: [
          { userId: leader, name: team.leader.name, unit: team.leader.unit },
          { userId: staff, name: team.staff[0].name, unit: team.staff[0].unit },
          { name: "张科长", unit: "市发展和改革委员会" },
        ],
      },
    },
    select: { id: true, items: { select: { id: true, projectId: true, issueId: true }, orderBy: { position: "asc" } } },
  });

  // The last task's deadline lies ahead of today (the smallest multiple of 5 working days that does).
  let openWorkdays = 5;
  while (cal.addWorkdays(held, openWorkdays) <= today) openWorkdays += 5;
  // Tasks: done on time, open and overdue (carried into this month), open within its deadline.
  const plans: { text: string; task: string; owner: number; workdays: number; done: boolean }[] = [
    { text: "责成责任单位五个工作日内提出解决方案，包保领导跟踪", task: "提出解决方案并书面回复企业", owner: staff, workdays: 5, done: true },
    { text: "由包保责任人协调企业和相关部门，限期办结", task: "协调相关部门现场办公", owner: liaison, workdays: 3, done: false },
    { text: "督促企业加快前期手续，力争下月开工", task: "跟踪施工许可办理进度", owner: liaison, workdays: openWorkdays, done: false },
  ];
  let tasks = 0;
  for (const [n, item] of meeting.items.slice(0, plans.length).entries()) {
    const plan = plans[n];
    const deadline = cal.addWorkdays(held, plan.workdays);
    const doneDay = Math.min(deadline, today - 1);
    const decision = await tx.meetingDecision.create({
      data: { meetingId: meeting.id, itemId: item.id, projectId: item.projectId, issueId: item.issueId, text: plan.text, decidedById: leader, createdAt: instantOn(held, 16, n, now) },
      select: { id: true },
    });
    await tx.meetingTask.create({
      data: {
        meetingId: meeting.id,
        decisionId: decision.id,
        parkId,
        projectId: item.projectId,
        issueId: item.issueId,
        title: plan.task,
        ownerId: plan.owner,
        workdays: plan.workdays,
        deadline: toDate(deadline),
        createdById: leader,
        createdAt: instantOn(held, 16, n, now),
        ...(plan.done ? { status: "DONE" as const, doneDate: toDate(doneDay), doneNote: "已按议定事项办结，企业认可", doneById: plan.owner } : {}),
      },
    });
    tasks += 1;
  }
  return tasks;
}
