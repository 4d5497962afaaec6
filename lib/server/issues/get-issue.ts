import "server-only";
import { getDb } from "@/lib/db/client";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import {
  type IssueActionName,
  type IssueCategory,
  type IssueEventType,
  type IssueStatus,
  type Satisfaction,
  allowedIssueActions,
  authorityFor,
  dueTomorrow,
  isOverdue,
} from "@/lib/domain/issues";
import { type Actor, can } from "@/lib/domain/permissions";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { tryWorkingDays } from "@/lib/domain/working-days";
import { notFound } from "@/lib/server/errors";
import { leadsIssue, visibleIssuesWhere } from "./issue-scope";
import { issueStateOf } from "./issue-writes";

export interface IssueEventEntry {
  id: number;
  type: IssueEventType;
  fromStatus: IssueStatus | null;
  toStatus: IssueStatus | null;
  fromLevel: number | null;
  toLevel: number | null;
  note: string | null;
  data: Record<string, unknown> | null;
  actorId: number;
  actorName: string;
  /** ISO timestamp. */
  at: string;
}

export interface IssueExtensionEntry {
  id: number;
  requestedDeadline: string;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  requestedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface IssueDetail {
  id: number;
  code: string;
  version: number;
  title: string;
  description: string;
  category: IssueCategory;
  status: IssueStatus;
  level: number;
  parkId: number;
  parkName: string;
  enterpriseId: number;
  enterpriseName: string;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  visitId: number | null;
  visitDate: string | null;
  raisedDate: string;
  raisedBy: string | null;
  reporterId: number;
  reporterName: string;
  responsibleUnit: string | null;
  responsibleUserId: number | null;
  responsibleName: string | null;
  answerDeadline: string | null;
  resolveDeadline: string;
  answeredDate: string | null;
  answer: string | null;
  closedDate: string | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  overdue: boolean;
  /** Due today or by the next working day. */
  dueSoon: boolean;
  /** Active 包保责任人 and 包保领导 of the project or enterprise. */
  liaisons: { id: number; name: string }[];
  leaders: { id: number; name: string }[];
  /** Oldest first. */
  events: IssueEventEntry[];
  /** Newest first; at most one PENDING. */
  extensions: IssueExtensionEntry[];
  /** What the actor may do: write = lifecycle steps; lead = deadlines, extensions, level 3. */
  permissions: { write: boolean; lead: boolean };
  /** The actions the actor may take now (status and role both allow them). */
  actions: IssueActionName[];
}

/** One problem with its history, extensions and people, if the actor may read it (NOT_FOUND otherwise). */
export async function getIssue(actor: Actor, id: number, today = todayInShanghai()): Promise<IssueDetail> {
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw notFound("问题");
  const db = getDb();
  const row = await db.enterpriseIssue.findFirst({
    where: { AND: [{ id }, visibleIssuesWhere(actor)] },
    select: {
      id: true,
      code: true,
      version: true,
      title: true,
      description: true,
      category: true,
      status: true,
      level: true,
      parkId: true,
      enterpriseId: true,
      projectId: true,
      visitId: true,
      raisedDate: true,
      raisedBy: true,
      reporterId: true,
      responsibleUnit: true,
      responsibleUserId: true,
      answerDeadline: true,
      resolveDeadline: true,
      answeredDate: true,
      answer: true,
      closedDate: true,
      satisfaction: true,
      reopenCount: true,
      park: { select: { name: true } },
      enterprise: { select: { name: true } },
      project: { select: { code: true, name: true } },
      visit: { select: { visitDate: true } },
      reporter: { select: { name: true } },
      responsible: { select: { name: true } },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, fromStatus: true, toStatus: true, fromLevel: true, toLevel: true, note: true, data: true, actorId: true, createdAt: true, actor: { select: { name: true } } },
      },
      extensions: {
        orderBy: { id: "desc" },
        select: {
          id: true,
          requestedDeadline: true,
          reason: true,
          status: true,
          decidedAt: true,
          decisionNote: true,
          createdAt: true,
          requestedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!row) throw notFound("问题");

  const [assignments, cal] = await Promise.all([
    db.assignment.findMany({
      where: { endDate: null, user: { isActive: true }, OR: [{ enterpriseId: row.enterpriseId }, ...(row.projectId ? [{ projectId: row.projectId }] : [])] },
      orderBy: [{ startDate: "desc" }, { id: "desc" }],
      select: { role: true, projectId: true, user: { select: { id: true, name: true } } },
    }),
    loadCalendar(db, today, addDays(today, 30)),
  ]);
  // The project's own assignments before the enterprise's, as loadIssuePeople orders them.
  assignments.sort((a, b) => Number(a.projectId === null) - Number(b.projectId === null));
  const people = (role: "LIAISON" | "LEADER") => {
    const seen = new Set<number>();
    return assignments.filter((a) => a.role === role && !seen.has(a.user.id) && seen.add(a.user.id)).map((a) => a.user);
  };
  const liaisons = people("LIAISON");
  const leaders = people("LEADER");

  const pending = row.extensions.find((e) => e.status === "PENDING");
  const state = issueStateOf(row, pending);
  const write = can(actor, "issue.write", row.parkId);
  const lead = write && leadsIssue(actor, row, leaders.map((l) => l.id));
  const actions = write ? allowedIssueActions(state, today).filter((a) => authorityFor(a, state) === "write" || lead) : [];

  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    level: row.level,
    parkId: row.parkId,
    parkName: row.park.name,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterprise.name,
    projectId: row.projectId,
    projectCode: row.project?.code ?? null,
    projectName: row.project?.name ?? null,
    visitId: row.visitId,
    visitDate: row.visit ? dateToIso(row.visit.visitDate) : null,
    raisedDate: state.raisedDate,
    raisedBy: row.raisedBy,
    reporterId: row.reporterId,
    reporterName: row.reporter.name,
    responsibleUnit: row.responsibleUnit,
    responsibleUserId: row.responsibleUserId,
    responsibleName: row.responsible?.name ?? null,
    answerDeadline: state.answerDeadline,
    resolveDeadline: state.resolveDeadline,
    answeredDate: state.answeredDate,
    answer: row.answer,
    closedDate: state.closedDate,
    satisfaction: row.satisfaction,
    reopenCount: row.reopenCount,
    overdue: isOverdue(state, today),
    // Without next year's calendar (on the last working day of a year) only a deadline of today is known to be due.
    dueSoon: tryWorkingDays(() => dueTomorrow(state, today, cal)).value ?? (state.status !== "CLOSED" && state.resolveDeadline === today),
    liaisons,
    leaders,
    events: row.events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      note: e.note,
      data: e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : null,
      actorId: e.actorId,
      actorName: e.actor.name,
      at: e.createdAt.toISOString(),
    })),
    extensions: row.extensions.map((x) => ({
      id: x.id,
      requestedDeadline: dateToIso(x.requestedDeadline),
      reason: x.reason,
      status: x.status,
      requestedByName: x.requestedBy.name,
      decidedByName: x.decidedBy?.name ?? null,
      decidedAt: x.decidedAt?.toISOString() ?? null,
      decisionNote: x.decisionNote,
      createdAt: x.createdAt.toISOString(),
    })),
    permissions: { write, lead },
    actions,
  };
}
