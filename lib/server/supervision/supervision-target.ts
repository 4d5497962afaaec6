import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { notFound } from "@/lib/server/errors";
import { visibleIssuesWhere } from "@/lib/server/issues/issue-scope";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";

export interface SupervisionTarget {
  parkId: number;
  parkName: string;
  kind: "project" | "issue";
  id: number;
  title: string;
  /** Why it is supervised: the red light's reasons, or the problem's deadline. */
  reasons: string[];
  /** Whether a letter may be issued on it now (red / overdue), and why not. */
  refusal: string | null;
  openLetter: { id: number; code: string } | null;
  recipients: { id: number; name: string; hint: string }[];
  defaults: { recipientUserId: number | null; recipientUnit: string; subject: string };
}

/**
 * What the 下发督办函 form needs for a project or a problem: the target with why it is
 * supervised, an open letter if any, the active people of its park (and the default
 * recipient: the problem's responsible person or the project's 包保责任人). Needs
 * "supervision.issue" in the park.
 */
export async function getSupervisionTarget(actor: Actor, target: { projectId?: number; issueId?: number }, today = todayInShanghai()): Promise<SupervisionTarget> {
  const db = getDb();
  let base: Omit<SupervisionTarget, "recipients" | "openLetter" | "parkName">;
  if (target.issueId) {
    const i = await db.enterpriseIssue.findFirst({
      where: { AND: [{ id: target.issueId }, visibleIssuesWhere(actor)] },
      select: { id: true, parkId: true, code: true, title: true, status: true, resolveDeadline: true, responsibleUserId: true, responsibleUnit: true, enterprise: { select: { name: true } } },
    });
    if (!i) throw notFound("问题");
    assertCan(actor, "supervision.issue", i.parkId, "问题");
    const deadline = dateToIso(i.resolveDeadline);
    base = {
      parkId: i.parkId,
      kind: "issue",
      id: i.id,
      title: `${i.code} ${i.title}（${i.enterprise.name}）`,
      reasons: [`办结时限 ${deadline}`],
      refusal: i.status === "CLOSED" ? "该问题已销号" : deadline >= today ? "该问题尚未超过办结时限" : null,
      defaults: { recipientUserId: i.responsibleUserId, recipientUnit: i.responsibleUnit ?? "", subject: `企业问题「${i.title}」超期未办结` },
    };
  } else {
    const p = await db.project.findFirst({
      where: { AND: [{ id: target.projectId ?? 0 }, visibleProjectsWhere(actor)] },
      select: {
        id: true,
        parkId: true,
        code: true,
        name: true,
        status: true,
        responsibleUnit: true,
        assignments: { where: { role: "LIAISON", endDate: null }, select: { userId: true, department: true }, take: 1, orderBy: { id: "desc" } },
      },
    });
    if (!p) throw notFound("项目");
    assertCan(actor, "supervision.issue", p.parkId, "项目");
    const light = (await getLightsForProjects(actor, [p.id], today)).get(p.id);
    base = {
      parkId: p.parkId,
      kind: "project",
      id: p.id,
      title: `${p.code} ${p.name}`,
      reasons: light?.reasons ?? [],
      refusal: p.status !== "ACTIVE" || light?.overall !== "RED" ? "该项目目前未亮红灯" : null,
      defaults: { recipientUserId: p.assignments[0]?.userId ?? null, recipientUnit: p.assignments[0]?.department ?? p.responsibleUnit ?? "", subject: `项目「${p.name}」亮红灯督办` },
    };
  }
  const [park, people, open] = await Promise.all([
    db.park.findUniqueOrThrow({ where: { id: base.parkId }, select: { name: true } }),
    db.user.findMany({
      where: { isActive: true, memberships: { some: { parkId: base.parkId } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, unit: true, title: true },
    }),
    db.supervision.findFirst({
      where: { status: { not: "CLOSED" }, ...(base.kind === "issue" ? { issueId: base.id } : { projectId: base.id, issueId: null }) },
      select: { id: true, code: true },
    }),
  ]);
  return {
    ...base,
    parkName: park.name,
    openLetter: open,
    recipients: people.map((u) => ({ id: u.id, name: u.name, hint: [u.unit, u.title].filter(Boolean).join(" ") })),
  };
}
