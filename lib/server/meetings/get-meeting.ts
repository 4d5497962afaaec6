import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type MeetingItemKind, type MeetingStatus, isTaskOverdue, taskStateLabel } from "@/lib/domain/meetings";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { assertInScope, holdsInScope, loadScope, meetingScopeOf } from "./meeting-scope";

export interface MeetingTaskView {
  id: number;
  title: string;
  ownerId: number;
  ownerName: string;
  workdays: number;
  deadline: string;
  status: "OPEN" | "DONE";
  doneDate: string | null;
  doneNote: string | null;
  doneByName: string | null;
  overdue: boolean;
  stateLabel: string;
}

export interface MeetingItemView {
  id: number;
  position: number;
  kind: MeetingItemKind;
  title: string;
  reason: string | null;
  projectId: number | null;
  issueId: number | null;
  carriedTaskId: number | null;
  decision: { id: number; text: string; decidedByName: string; at: string; tasks: MeetingTaskView[] } | null;
}

export interface MeetingView {
  id: number;
  scopeKey: string;
  scopeName: string;
  month: string;
  title: string;
  meetingDate: string | null;
  location: string | null;
  status: MeetingStatus;
  preparedByName: string;
  items: MeetingItemView[];
  attendees: { userId: number | null; name: string; unit: string | null }[];
  canLead: boolean;
  /** People of the scope, for attendees and task owners (leaders only). */
  people: { id: number; name: string; unit: string | null }[];
}

const taskSelect = {
  id: true,
  title: true,
  ownerId: true,
  workdays: true,
  deadline: true,
  status: true,
  doneDate: true,
  doneNote: true,
  owner: { select: { name: true } },
  doneBy: { select: { name: true } },
} as const;

export function taskView(
  t: { id: number; title: string; ownerId: number; workdays: number; deadline: Date; status: "OPEN" | "DONE"; doneDate: Date | null; doneNote: string | null; owner: { name: string }; doneBy: { name: string } | null },
  today: string,
): MeetingTaskView {
  const state = { status: t.status, deadline: dateToIso(t.deadline), doneDate: t.doneDate ? dateToIso(t.doneDate) : null };
  return {
    id: t.id,
    title: t.title,
    ownerId: t.ownerId,
    ownerName: t.owner.name,
    workdays: t.workdays,
    deadline: state.deadline,
    status: t.status,
    doneDate: state.doneDate,
    doneNote: t.doneNote,
    doneByName: t.doneBy?.name ?? null,
    overdue: isTaskOverdue(state, today),
    stateLabel: taskStateLabel(state, today),
  };
}
export { taskSelect };

/** A meeting with its frozen agenda, decisions, tasks and attendees. Needs "meeting.read" for its scope. */
export async function getMeeting(actor: Actor, id: number, today = todayInShanghai()): Promise<MeetingView> {
  const db = getDb();
  const m = await db.meeting.findUnique({
    where: { id },
    select: {
      id: true,
      scopeKey: true,
      parkId: true,
      regionId: true,
      month: true,
      title: true,
      meetingDate: true,
      location: true,
      status: true,
      preparedBy: { select: { name: true } },
      attendees: { select: { userId: true, name: true, unit: true }, orderBy: { id: "asc" } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          kind: true,
          title: true,
          reason: true,
          projectId: true,
          issueId: true,
          taskId: true,
          decisions: { select: { id: true, text: true, createdAt: true, decidedBy: { select: { name: true } }, tasks: { select: taskSelect, orderBy: { id: "asc" } } }, take: 1 },
        },
      },
    },
  });
  if (!m) throw notFound("会商");
  const s = await loadScope(db, actor, meetingScopeOf(m));
  assertInScope(actor, s, "meeting.read");
  const canLead = holdsInScope(actor, s, "meeting.lead");
  const people = canLead
    ? await db.user.findMany({
        where: { isActive: true, memberships: { some: { OR: [{ parkId: { in: s.parkIds } }, { regionId: s.regionId, role: "REGION_LEADER" }] } } },
        select: { id: true, name: true, unit: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: 500,
      })
    : [];
  return {
    id: m.id,
    scopeKey: m.scopeKey,
    scopeName: s.name,
    month: dateToIso(m.month),
    title: m.title,
    meetingDate: m.meetingDate ? dateToIso(m.meetingDate) : null,
    location: m.location,
    status: m.status,
    preparedByName: m.preparedBy.name,
    attendees: m.attendees,
    canLead,
    people,
    items: m.items.map((it) => {
      const d = it.decisions[0];
      return {
        id: it.id,
        position: it.position,
        kind: it.kind,
        title: it.title,
        reason: it.reason,
        projectId: it.projectId,
        issueId: it.issueId,
        carriedTaskId: it.taskId,
        decision: d ? { id: d.id, text: d.text, decidedByName: d.decidedBy.name, at: d.createdAt.toISOString(), tasks: d.tasks.map((t) => taskView(t, today)) } : null,
      };
    }),
  };
}
