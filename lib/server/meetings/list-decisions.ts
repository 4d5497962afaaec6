import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, can } from "@/lib/domain/permissions";
import { type MeetingTaskView, taskSelect, taskView } from "./get-meeting";

/** A 议定事项 as the project's and the problem's timelines show it. */
export interface DecisionEntry {
  id: number;
  meetingId: number;
  meetingTitle: string;
  month: string;
  meetingDate: string | null;
  text: string;
  decidedByName: string;
  at: string;
  tasks: MeetingTaskView[];
  /** The reader may open the meeting (meeting.read in its park; a region's meeting: any park of it). */
  meetingLink: string | null;
}

/**
 * The decisions taken on a project or a problem, newest first. The caller has already
 * checked that the actor reads the project or problem (the page loaded it).
 */
export async function listDecisionsFor(actor: Actor, target: { projectId: number } | { issueId: number }, today = todayInShanghai()): Promise<DecisionEntry[]> {
  const rows = await getDb().meetingDecision.findMany({
    where: "projectId" in target ? { projectId: target.projectId } : { issueId: target.issueId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      text: true,
      createdAt: true,
      decidedBy: { select: { name: true } },
      meeting: { select: { id: true, title: true, month: true, meetingDate: true, parkId: true, regionId: true } },
      tasks: { select: { ...taskSelect, parkId: true }, orderBy: { id: "asc" } },
    },
  });
  return rows.map((d) => {
    const parkIds = d.meeting.parkId ? [d.meeting.parkId] : d.tasks.map((t) => t.parkId).filter((p): p is number => p !== null);
    const readable = parkIds.some((p) => can(actor, "meeting.read", p));
    return {
      id: d.id,
      meetingId: d.meeting.id,
      meetingTitle: d.meeting.title,
      month: dateToIso(d.meeting.month),
      meetingDate: d.meeting.meetingDate ? dateToIso(d.meeting.meetingDate) : null,
      text: d.text,
      decidedByName: d.decidedBy.name,
      at: d.createdAt.toISOString(),
      tasks: d.tasks.map((t) => taskView(t, today)),
      meetingLink: readable ? `/meetings/${d.meeting.id}` : null,
    };
  });
}
