import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { type SupervisionStatus, isSupervisionOverdue } from "@/lib/domain/supervision";
import { assertCan } from "@/lib/server/actor";
import { parseOrThrow } from "@/lib/server/errors";
import { supervisionFiltersSchema } from "@/lib/validation/supervision";
import { visibleSupervisionsWhere } from "./supervision-scope";

export interface SupervisionRow {
  id: number;
  code: string;
  status: SupervisionStatus;
  overdue: boolean;
  parkName: string;
  subject: string;
  target: string;
  recipientName: string;
  recipientUnit: string | null;
  issuedByName: string;
  issuedDate: string;
  deadline: string;
  closedDate: string | null;
}

/**
 * One page of the 督办 letters the actor may read, filtered in SQL by park, status, overdue
 * (open past the deadline, awaiting a reply) and "addressed to me"; by status (待回复, 待审核, 已退回, 已销号), then by deadline.
 */
export async function listSupervisions(actor: Actor, filters: unknown, today = todayInShanghai()) {
  const f = parseOrThrow(supervisionFiltersSchema, filters);
  if (f.parkId) assertCan(actor, "park.read", f.parkId, "园区");
  const and: Prisma.SupervisionWhereInput[] = [visibleSupervisionsWhere(actor)];
  if (f.parkId) and.push({ parkId: f.parkId });
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push({ status: { in: ["ISSUED", "RETURNED"] }, deadline: { lt: isoToDate(today) } });
  if (f.mine) and.push({ recipientUserId: actor.userId });
  const where: Prisma.SupervisionWhereInput = { AND: and };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.supervision.count({ where }),
    db.supervision.findMany({
      where,
      orderBy: [{ status: "asc" }, { deadline: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        code: true,
        status: true,
        subject: true,
        recipientUnit: true,
        issuedDate: true,
        deadline: true,
        closedDate: true,
        park: { select: { name: true } },
        recipient: { select: { name: true } },
        issuedBy: { select: { name: true } },
        project: { select: { name: true } },
        issue: { select: { code: true, title: true } },
      },
    }),
  ]);
  const items: SupervisionRow[] = rows.map((r) => {
    const deadline = dateToIso(r.deadline);
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      overdue: isSupervisionOverdue({ status: r.status, deadline }, today),
      parkName: r.park.name,
      subject: r.subject,
      target: r.issue ? `问题 ${r.issue.code} ${r.issue.title}` : r.project ? `项目 ${r.project.name}` : "",
      recipientName: r.recipient.name,
      recipientUnit: r.recipientUnit,
      issuedByName: r.issuedBy.name,
      issuedDate: dateToIso(r.issuedDate),
      deadline,
      closedDate: r.closedDate ? dateToIso(r.closedDate) : null,
    };
  });
  return { items, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)), filters: f };
}

/** The letters on one problem the actor may read, oldest first (its page's 督办 box). */
export async function listIssueSupervisions(actor: Actor, issueId: number, today = todayInShanghai()) {
  const rows = await getDb().supervision.findMany({
    where: { AND: [{ issueId }, visibleSupervisionsWhere(actor)] },
    orderBy: { id: "asc" },
    select: { id: true, code: true, status: true, deadline: true, recipient: { select: { name: true } } },
  });
  return rows.map((r) => {
    const deadline = dateToIso(r.deadline);
    return { id: r.id, code: r.code, status: r.status, deadline, recipientName: r.recipient.name, overdue: isSupervisionOverdue({ status: r.status, deadline }, today) };
  });
}
