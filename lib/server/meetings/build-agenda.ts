import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { AGENDA_SOURCE_LIMIT, type MeetingItemKind, type MeetingScope, issueAgendaReason, monthLabel, notStartedAgendaReason, staleAgendaReason } from "@/lib/domain/meetings";
import { type Stage } from "@/lib/domain/stages";
import { type Actor } from "@/lib/domain/permissions";
import { visibleProjectsSql } from "@/lib/server/actor";
import { staleSql } from "@/lib/server/board/get-board";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { type ResolvedScope, assertInScope, loadScope } from "./meeting-scope";

/** One row the agenda may hold, as the record stands when the agenda is built. */
export interface AgendaCandidate {
  /** "<KIND>:<id>": the problem's or project's id, or the carried task's. */
  key: string;
  kind: Exclude<MeetingItemKind, "FREE">;
  title: string;
  reason: string;
  parkName: string;
  projectId: number | null;
  issueId: number | null;
  taskId: number | null;
}

type Reader = ReturnType<typeof getDb>;

/**
 * The agenda candidates of a scope's month, built from the record on `today`: problems at
 * level 3 or past their 办结时限 (open), red-light projects, 应开工未开工 projects (planned start
 * passed, still 签约/落地, not terminated), active projects stale in their stage, and the open
 * follow-up tasks of the scope's earlier meetings (carried over). A project appears once,
 * under its first source in that order. Each source at most AGENDA_SOURCE_LIMIT rows.
 * Needs "meeting.lead" for the scope.
 */
export async function buildAgenda(actor: Actor, scope: MeetingScope, month: string, today = todayInShanghai()): Promise<{ scope: ResolvedScope; candidates: AgendaCandidate[] }> {
  const db = getDb();
  const s = await loadScope(db, actor, scope);
  assertInScope(actor, s, "meeting.lead");
  return { scope: s, candidates: await agendaCandidates(db, actor, s, month, today) };
}

export async function agendaCandidates(db: Reader, actor: Actor, s: ResolvedScope, month: string, today: string): Promise<AgendaCandidate[]> {
  const parks = Prisma.join(s.parkIds);
  const day = Prisma.sql`CAST(${today} AS date)`;
  const limit = AGENDA_SOURCE_LIMIT;

  const [issues, red, notStarted, stale, followUps] = await Promise.all([
    db.$queryRaw<{ id: number; title: string; level: number; resolveDeadline: Date; enterpriseName: string; parkName: string; projectId: number | null }[]>(Prisma.sql`
      SELECT i.id, i.title, i.level, i."resolveDeadline", e.name AS "enterpriseName", pk.name AS "parkName", i."projectId"
      FROM "EnterpriseIssue" i
      JOIN "Enterprise" e ON e.id = i."enterpriseId"
      JOIN "Park" pk ON pk.id = i."parkId"
      WHERE i."parkId" IN (${parks}) AND i.status <> 'CLOSED' AND (i.level = 3 OR i."resolveDeadline" < ${day})
      ORDER BY i.level DESC, i."resolveDeadline" ASC, i.id ASC
      LIMIT ${limit}`),
    listRedProjects(actor, s.scope.kind === "park" ? { parkId: s.scope.id } : { regionId: s.scope.id }, { pageSize: limit }, today),
    db.$queryRaw<{ id: number; name: string; parkName: string; stage: Stage; plannedStartDate: Date }[]>(Prisma.sql`
      SELECT pr.id, pr.name, pk.name AS "parkName", pr.stage, pr."plannedStartDate"
      FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId"
      WHERE pr."parkId" IN (${parks}) AND ${visibleProjectsSql(actor, "pr")}
        AND pr.status <> 'TERMINATED' AND pr.stage IN ('SIGNED', 'LANDED') AND pr."plannedStartDate" < ${day}
      ORDER BY pr."plannedStartDate" ASC, pr.id ASC
      LIMIT ${limit}`),
    db.$queryRaw<{ id: number; name: string; parkName: string; stage: Stage; stageDate: Date; threshold: number }[]>(Prisma.sql`
      SELECT pr.id, pr.name, pk.name AS "parkName", pr.stage, pr."stageDate",
             CASE pr.stage WHEN 'SIGNED' THEN pk."staleDaysSigned" WHEN 'LANDED' THEN pk."staleDaysLanded" ELSE pk."staleDaysStarted" END AS threshold
      FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId"
      WHERE pr."parkId" IN (${parks}) AND ${visibleProjectsSql(actor, "pr")} AND ${staleSql(today)}
      ORDER BY pr."stageDate" ASC, pr.id ASC
      LIMIT ${limit}`),
    db.meetingTask.findMany({
      where: { status: "OPEN", meeting: { scopeKey: s.key, month: { lt: isoToDate(month) } } },
      select: {
        id: true,
        title: true,
        deadline: true,
        projectId: true,
        issueId: true,
        owner: { select: { name: true } },
        park: { select: { name: true } },
        meeting: { select: { month: true } },
      },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      take: limit,
    }),
  ]);

  const out: AgendaCandidate[] = [];
  const projects = new Set<number>();
  for (const i of issues) {
    const reason = issueAgendaReason({ level: i.level, deadline: dateToIso(i.resolveDeadline) }, today);
    out.push({ key: `ISSUE:${i.id}`, kind: "ISSUE", title: `${i.title}（${i.enterpriseName}）`, reason, parkName: i.parkName, projectId: i.projectId, issueId: i.id, taskId: null });
  }
  for (const r of red.rows) {
    projects.add(r.id);
    out.push({ key: `RED_PROJECT:${r.id}`, kind: "RED_PROJECT", title: r.name, reason: r.light.reasons.join("；") || "亮红灯", parkName: r.parkName, projectId: r.id, issueId: null, taskId: null });
  }
  for (const p of notStarted) {
    if (projects.has(p.id)) continue;
    projects.add(p.id);
    const reason = notStartedAgendaReason({ plannedStartDate: dateToIso(p.plannedStartDate), stage: p.stage }, today);
    out.push({ key: `NOT_STARTED:${p.id}`, kind: "NOT_STARTED", title: p.name, reason, parkName: p.parkName, projectId: p.id, issueId: null, taskId: null });
  }
  for (const p of stale) {
    if (projects.has(p.id)) continue;
    projects.add(p.id);
    out.push({ key: `STALE_PROJECT:${p.id}`, kind: "STALE_PROJECT", title: p.name, reason: staleAgendaReason({ stage: p.stage, stageDate: dateToIso(p.stageDate), threshold: p.threshold }, today), parkName: p.parkName, projectId: p.id, issueId: null, taskId: null });
  }
  for (const t of followUps) {
    const deadline = dateToIso(t.deadline);
    out.push({
      key: `FOLLOW_UP:${t.id}`,
      kind: "FOLLOW_UP",
      title: t.title,
      reason: `${monthLabel(dateToIso(t.meeting.month))}会商议定，责任人 ${t.owner.name}，时限 ${deadline}${deadline < today ? "（已超期）" : ""}`,
      parkName: t.park?.name ?? s.name,
      projectId: t.projectId,
      issueId: t.issueId,
      taskId: t.id,
    });
  }
  return out;
}
