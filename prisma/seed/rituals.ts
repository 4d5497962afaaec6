// Demo 督办 letters and 首问 problems for one park, written after its plan (same transaction),
// chosen from what the plan produced so a demo shows every state: letters on overdue problems
// (awaiting a reply and overdue, replied and awaiting review, closed after a return) and on
// projects past their planned start (one awaiting its reply, one returned), and problems
// received directly (one hand-off waiting for the park's first liaison, others accepted after a
// few hours). Deterministic: every choice is ordered by code; days count from `today`.
import type { Prisma } from "../../lib/db/client";
import { type Day, instantOn, isoOf, toDate } from "./dates";
import type { WorkCalendar } from "./holidays";
import type { ParkTeam } from "./people";

type Tx = Prisma.TransactionClient;

export type RitualCounts = { supervisions: number; firstContact: number };

type LetterEvent = { type: "ISSUED" | "REPLIED" | "RETURNED" | "ACCEPTED"; day: Day; by: "issuer" | "recipient"; note: string };

export async function writeParkRituals(
  tx: Tx,
  parkId: number,
  team: ParkTeam,
  userIds: Map<string, number>,
  today: Day,
  cal: WorkCalendar,
  now: Date,
): Promise<RitualCounts> {
  const uid = (username: string) => userIds.get(username)!;
  const leader = uid(team.leader.username);
  const staff = uid(team.staff[0].username);
  const liaison = team.liaisons.length ? uid(team.liaisons[0].username) : staff;

  const year = isoOf(today).slice(0, 4);
  const last = await tx.supervision.findFirst({ where: { code: { startsWith: `DB-${year}-` } }, orderBy: { code: "desc" }, select: { code: true } });
  let seq = last ? Number(last.code.slice(8)) : 0;
  let supervisions = 0;

  async function letter(target: { projectId: number | null; issueId: number | null }, recipient: number, unit: string | null, subject: string, requirement: string, issued: Day, workdays: number, events: LetterEvent[]) {
    const final = events[events.length - 1].type;
    const status = final === "ACCEPTED" ? "CLOSED" : final === "REPLIED" ? "REPLIED" : final === "RETURNED" ? "RETURNED" : "ISSUED";
    seq += 1;
    await tx.supervision.create({
      data: {
        code: `DB-${year}-${String(seq).padStart(4, "0")}`,
        parkId,
        ...target,
        subject,
        requirement,
        recipientUserId: recipient,
        recipientUnit: unit,
        issuedById: leader,
        issuedDate: toDate(issued),
        workdays,
        deadline: toDate(cal.addWorkdays(issued, workdays)),
        status,
        closedDate: status === "CLOSED" ? toDate(events[events.length - 1].day) : null,
        version: events.length,
        createdAt: instantOn(issued, 9, 30, now),
        events: { create: events.map((e, n) => ({ type: e.type, note: e.note, actorId: e.by === "issuer" ? leader : recipient, createdAt: instantOn(e.day, 10 + n, 0, now) })) },
      },
    });
    supervisions += 1;
  }

  // ---- letters on overdue problems
  const overdue = await tx.enterpriseIssue.findMany({
    where: { parkId, status: { not: "CLOSED" }, resolveDeadline: { lt: toDate(today - 12) } },
    orderBy: { code: "asc" },
    take: 3,
    select: { id: true, title: true, responsibleUserId: true, responsibleUnit: true },
  });
  const plans: ((i: (typeof overdue)[number]) => [Day, number, LetterEvent[]])[] = [
    // Issued 12 days ago with 5 working days: overdue, no reply yet.
    () => [today - 12, 5, [{ type: "ISSUED", day: today - 12, by: "issuer", note: "请于 5 个工作日内办结并书面回复" }]],
    // Replied two days ago: awaiting the leader's review.
    () => [today - 8, 5, [
      { type: "ISSUED", day: today - 8, by: "issuer", note: "请于 5 个工作日内办结并书面回复" },
      { type: "REPLIED", day: today - 2, by: "recipient", note: "已召集相关部门现场协调，问题已基本解决，附协调会议纪要" },
    ]],
    // Returned once, replied again, accepted.
    () => [today - 30, 10, [
      { type: "ISSUED", day: today - 30, by: "issuer", note: "请于 10 个工作日内办结并书面回复" },
      { type: "REPLIED", day: today - 22, by: "recipient", note: "已与企业沟通，正在办理" },
      { type: "RETURNED", day: today - 21, by: "issuer", note: "回复未说明办结时间和结果，请补充后重新回复" },
      { type: "REPLIED", day: today - 15, by: "recipient", note: "已于本周办结，企业确认满意" },
      { type: "ACCEPTED", day: today - 14, by: "issuer", note: "经核实已办结，同意销号" },
    ]],
  ];
  for (const [n, i] of overdue.entries()) {
    const [issued, workdays, events] = plans[n](i);
    await letter({ projectId: null, issueId: i.id }, i.responsibleUserId ?? staff, i.responsibleUnit, `企业问题「${i.title}」超期未办结`, "请责任单位对照企业诉求逐项落实，明确办结时间，按时限书面回复整改情况并附佐证材料。", issued, workdays, events);
  }

  // ---- letters on projects past their planned start (the start rule's red light)
  const late = await tx.project.findMany({
    where: { parkId, status: "ACTIVE", stage: { in: ["SIGNED", "LANDED"] }, actualStartDate: null, plannedStartDate: { lt: toDate(today - 100) } },
    orderBy: { code: "asc" },
    take: 2,
    select: { id: true, name: true, assignments: { where: { role: "LIAISON", endDate: null }, select: { userId: true, department: true }, orderBy: { id: "asc" }, take: 1 } },
  });
  for (const [n, p] of late.entries()) {
    const recipient = p.assignments[0]?.userId ?? liaison;
    const unit = p.assignments[0]?.department ?? null;
    const events: LetterEvent[] =
      n === 0
        ? [{ type: "ISSUED", day: today - 3, by: "issuer", note: "请说明未按计划开工的原因，明确开工时间和推进措施" }]
        : [
            { type: "ISSUED", day: today - 9, by: "issuer", note: "请说明未按计划开工的原因，明确开工时间和推进措施" },
            { type: "REPLIED", day: today - 5, by: "recipient", note: "企业资金正在筹措，预计下季度开工" },
            { type: "RETURNED", day: today - 4, by: "issuer", note: "请明确具体开工日期及园区需协调解决的事项" },
          ];
    await letter({ projectId: p.id, issueId: null }, recipient, unit, `项目「${p.name}」超期未开工`, "请包保责任人会同企业说明未按计划开工的原因，提出开工时间表和需园区协调的事项，按时限书面回复。", events[0].day, 10, events);
  }

  // ---- problems received directly (首问): one waiting for the liaison, three accepted
  let firstContact = 0;
  const open = await tx.enterpriseIssue.findMany({
    where: { parkId, visitId: null, status: { not: "CLOSED" }, responsibleUserId: liaison, supervisions: { none: {} } },
    orderBy: { code: "asc" },
    take: 1,
    select: { id: true },
  });
  const closed = await tx.enterpriseIssue.findMany({
    where: { parkId, visitId: null, status: "CLOSED", responsibleUserId: { not: staff } },
    orderBy: { code: "asc" },
    take: 3,
    select: { id: true, createdAt: true, responsibleUserId: true },
  });
  for (const i of open) {
    await tx.enterpriseIssue.update({ where: { id: i.id }, data: { intakeChannel: "PHONE", firstContactUserId: staff, handoffAcceptedAt: null } });
    firstContact += 1;
  }
  const channels = ["WINDOW", "LETTER", "ONLINE"] as const;
  const hours = [2, 5, 26];
  for (const [n, i] of closed.entries()) {
    const accepted = new Date(i.createdAt.getTime() + hours[n] * 3_600_000);
    await tx.enterpriseIssue.update({ where: { id: i.id }, data: { intakeChannel: channels[n], firstContactUserId: staff, handoffAcceptedAt: accepted } });
    await tx.issueEvent.create({ data: { issueId: i.id, type: "HANDOFF_ACCEPTED", note: "负责人接收首问移交", actorId: i.responsibleUserId ?? liaison, createdAt: accepted } });
    firstContact += 1;
  }
  return { supervisions, firstContact };
}
