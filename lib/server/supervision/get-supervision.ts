import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, can } from "@/lib/domain/permissions";
import { type SupervisionStatus, isSupervisionOverdue } from "@/lib/domain/supervision";
import { notFound } from "@/lib/server/errors";
import { reviewsSupervision, visibleSupervisionsWhere } from "./supervision-scope";

export interface SupervisionDetail {
  id: number;
  code: string;
  version: number;
  status: SupervisionStatus;
  overdue: boolean;
  parkId: number;
  parkName: string;
  subject: string;
  requirement: string;
  recipientUserId: number;
  recipientName: string;
  recipientUnit: string | null;
  issuedByName: string;
  issuedByTitle: string | null;
  issuedDate: string;
  workdays: number;
  deadline: string;
  closedDate: string | null;
  project: { id: number; code: string; name: string; enterpriseName: string } | null;
  issue: { id: number; code: string; title: string; resolveDeadline: string } | null;
  events: { id: number; type: "ISSUED" | "REPLIED" | "RETURNED" | "ACCEPTED"; note: string | null; actorName: string; createdAt: string; attachments: { id: number; fileName: string; size: number }[] }[];
  /** What the viewer may do now. */
  canReply: boolean;
  canReview: boolean;
}

/** One 督办 letter with its history and evidence, if the actor may read it (NOT_FOUND otherwise). */
export async function getSupervision(actor: Actor, id: number, today = todayInShanghai()): Promise<SupervisionDetail> {
  const s = await getDb().supervision.findFirst({
    where: { AND: [{ id }, visibleSupervisionsWhere(actor)] },
    include: {
      park: { select: { name: true } },
      recipient: { select: { name: true } },
      issuedBy: { select: { name: true, title: true } },
      project: { select: { id: true, code: true, name: true, enterprise: { select: { name: true } } } },
      issue: { select: { id: true, code: true, title: true, resolveDeadline: true } },
      events: {
        orderBy: { id: "asc" },
        select: { id: true, type: true, note: true, createdAt: true, actor: { select: { name: true } }, attachments: { select: { id: true, fileName: true, size: true }, orderBy: { id: "asc" } } },
      },
    },
  });
  if (!s) throw notFound("督办事项");
  const deadline = dateToIso(s.deadline);
  return {
    id: s.id,
    code: s.code,
    version: s.version,
    status: s.status,
    overdue: isSupervisionOverdue({ status: s.status, deadline }, today),
    parkId: s.parkId,
    parkName: s.park.name,
    subject: s.subject,
    requirement: s.requirement,
    recipientUserId: s.recipientUserId,
    recipientName: s.recipient.name,
    recipientUnit: s.recipientUnit,
    issuedByName: s.issuedBy.name,
    issuedByTitle: s.issuedBy.title,
    issuedDate: dateToIso(s.issuedDate),
    workdays: s.workdays,
    deadline,
    closedDate: s.closedDate ? dateToIso(s.closedDate) : null,
    project: s.project ? { id: s.project.id, code: s.project.code, name: s.project.name, enterpriseName: s.project.enterprise.name } : null,
    issue: s.issue ? { id: s.issue.id, code: s.issue.code, title: s.issue.title, resolveDeadline: dateToIso(s.issue.resolveDeadline) } : null,
    events: s.events.map((e) => ({ id: e.id, type: e.type, note: e.note, actorName: e.actor.name, createdAt: e.createdAt.toISOString(), attachments: e.attachments })),
    canReply: s.recipientUserId === actor.userId && (s.status === "ISSUED" || s.status === "RETURNED"),
    canReview: s.status === "REPLIED" && reviewsSupervision(actor, s) && (s.issuedById === actor.userId || can(actor, "supervision.issue", s.parkId)),
  };
}
