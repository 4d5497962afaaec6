import "server-only";
// Shared by the problem write paths (create, visit with problems, lifecycle actions):
// the per-park numbering lock, the people around a problem, the conflict error, and
// writing a new problem with its CREATED event, notification and audit row.

import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, dateToIso, isoToDate } from "@/lib/domain/dates";
import { type IssueCategory, type IssueState, ISSUE_CATEGORY_LABELS, defaultDeadlines } from "@/lib/domain/issues";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { computeDeadlines, loadCalendar } from "@/lib/server/calendar/load-calendar";
import { assertCan } from "@/lib/server/actor";
import { type Actor, can } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { onlyAssignedIn } from "./issue-scope";

type Tx = Prisma.TransactionClient;
type Reader = Db | Tx;

/** Namespace of the advisory locks taken on a park's problem numbers ("ISS"). */
const ISSUE_LOCK_CLASS = 0x495353;

/** Serialises numbering of new problems within one park until the transaction ends. */
export async function lockParkIssues(tx: Tx, parkId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ISSUE_LOCK_CLASS}::int, ${parkId}::int)`;
}

/** Problem numbers as the seed writes them: WT-{park code}-{year raised}-{0001}. */
export function issueCode(parkCode: string, year: string, seq: number): string {
  return `WT-${parkCode}-${year}-${String(seq).padStart(4, "0")}`;
}

/** The highest sequence number used in the park and year (0 if none). Call under lockParkIssues. */
export async function lastIssueSeq(tx: Tx, parkId: number, parkCode: string, year: string): Promise<number> {
  const prefix = `WT-${parkCode}-${year}-`;
  const [{ max }] = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT MAX(substring(code FROM ${prefix.length + 1}::int)::int) AS max
    FROM "EnterpriseIssue"
    WHERE "parkId" = ${parkId}::int AND left(code, ${prefix.length}::int) = ${prefix}::text
      AND substring(code FROM ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`;
  return max ?? 0;
}

export interface IssuePeople {
  /** Active 包保责任人 of the project, then of the enterprise (newest first). */
  liaisons: number[];
  /** Active 包保领导 of the project, then of the enterprise. */
  leaders: number[];
  /** Active PARK_LEADER members of the park (the 工委/管委 meeting). */
  parkLeaders: number[];
}

/** The people around a problem (or a project/enterprise about to get one). One query; inactive users left out. */
export async function loadIssuePeople(db: Reader, where: { parkId: number; enterpriseId: number; projectId: number | null }): Promise<IssuePeople> {
  const rows = await db.$queryRaw<{ userId: number; role: string }[]>`
    SELECT x."userId", x.role FROM (
      SELECT a."userId", a.role::text AS role, (a."projectId" IS NULL) AS by_enterprise, a."startDate", a.id
      FROM "Assignment" a
      WHERE a."endDate" IS NULL AND (a."projectId" = ${where.projectId}::int OR a."enterpriseId" = ${where.enterpriseId}::int)
      UNION ALL
      SELECT m."userId", 'PARK_LEADER', false, NULL, m.id FROM "Membership" m WHERE m."parkId" = ${where.parkId}::int AND m.role = 'PARK_LEADER'
    ) x JOIN "User" u ON u.id = x."userId" AND u."isActive"
    ORDER BY x.by_enterprise, x."startDate" DESC NULLS LAST, x.id DESC`;
  const pick = (role: string) => [...new Set(rows.filter((r) => r.role === role).map((r) => r.userId))];
  return { liaisons: pick("LIAISON"), leaders: pick("LEADER"), parkLeaders: pick("PARK_LEADER") };
}

/** The 包保领导 if there is one, else the park leaders: who decides extensions and takes level 2. */
export function leadersOrParkLeaders(people: IssuePeople): number[] {
  return people.leaders.length > 0 ? people.leaders : people.parkLeaders;
}

/** Refuses a responsible user who is not an active member of the park. */
export async function assertParkUser(db: Reader, parkId: number, userId: number, field: string, label = "负责人"): Promise<void> {
  const member = await db.membership.findFirst({ where: { userId, parkId, user: { isActive: true } }, select: { id: true } });
  const message = `${label}须为本园区的在岗用户`;
  if (!member) throw new AppError("VALIDATION", message, { [field]: [message] });
}

/** Someone else changed the problem since the caller loaded it. */
export class IssueConflictError extends AppError {
  constructor(
    message: string,
    readonly conflict: { actorName: string | null; at: Date | null },
  ) {
    super("CONFLICT", message);
  }
}

/** The conflict error for a problem: its latest event says who changed it and when. One query. */
export async function issueConflictError(db: Reader, issueId: number): Promise<IssueConflictError> {
  const last = await db.issueEvent.findFirst({
    where: { issueId },
    orderBy: { id: "desc" },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  const who = last?.actor.name ?? "其他用户";
  const when = last ? `于 ${formatDateTimeZh(last.createdAt)} ` : "";
  return new IssueConflictError(`该问题已被 ${who} ${when}更新，您的操作未保存。请刷新页面查看最新内容后重新操作`, {
    actorName: last?.actor.name ?? null,
    at: last?.createdAt ?? null,
  });
}

/** Thrown inside a transaction when the versioned update matched no row; turned into a conflict outside. */
export class StaleIssueVersion extends Error {
  constructor() {
    super("stale issue version");
  }
}

/** A new problem, fully decided (deadlines computed, responsible user chosen). */
export interface NewIssue {
  parkId: number;
  enterpriseId: number;
  projectId: number | null;
  visitId: number | null;
  category: IssueCategory;
  title: string;
  description: string;
  raisedDate: string;
  raisedBy: string | null;
  responsibleUnit: string | null;
  responsibleUserId: number;
  answerDeadline: string;
  resolveDeadline: string;
}

/**
 * Writes a problem with number `code`, its CREATED event, the notification to its
 * responsible user (unless that is the actor) and its audit row. Inside the caller's
 * transaction, under lockParkIssues.
 */
export async function insertIssue(tx: Tx, actorId: number, code: string, issue: NewIssue): Promise<{ id: number; code: string }> {
  const created = await tx.enterpriseIssue.create({
    data: {
      code,
      parkId: issue.parkId,
      enterpriseId: issue.enterpriseId,
      projectId: issue.projectId,
      visitId: issue.visitId,
      category: issue.category,
      title: issue.title,
      description: issue.description,
      raisedDate: isoToDate(issue.raisedDate),
      raisedBy: issue.raisedBy,
      reporterId: actorId,
      responsibleUnit: issue.responsibleUnit,
      responsibleUserId: issue.responsibleUserId,
      status: "COLLECTED",
      level: 1,
      answerDeadline: isoToDate(issue.answerDeadline),
      resolveDeadline: isoToDate(issue.resolveDeadline),
    },
    select: { id: true, code: true },
  });
  await tx.issueEvent.create({
    data: {
      issueId: created.id,
      type: "CREATED",
      fromStatus: null,
      toStatus: "COLLECTED",
      note: issue.visitId ? "走访收集企业诉求" : "登记企业诉求",
      actorId,
    },
  });
  await notify(tx, actorId, [
    {
      userIds: [issue.responsibleUserId],
      kind: "ISSUE_ASSIGNED",
      title: `新问题由您负责：${issue.title}`,
      body: `${created.code}（${ISSUE_CATEGORY_LABELS[issue.category]}），办结时限 ${issue.resolveDeadline}`,
      issueId: created.id,
    },
  ]);
  await writeAudit(tx, {
    actorId,
    action: "issue.create",
    entityType: "EnterpriseIssue",
    entityId: created.id,
    parkId: issue.parkId,
    after: { ...issue, id: created.id, code: created.code, status: "COLLECTED", level: 1 },
  });
  return created;
}

export const isoOrNull = (d: Date | null): string | null => (d ? dateToIso(d) : null);

/** The EnterpriseIssue columns the lifecycle rules read. */
export type IssueStateRow = Pick<
  IssueState,
  "status" | "level" | "satisfaction" | "reopenCount" | "responsibleUnit" | "responsibleUserId"
> & {
  raisedDate: Date;
  answerDeadline: Date | null;
  resolveDeadline: Date;
  answeredDate: Date | null;
  closedDate: Date | null;
};

/** A stored problem as the rules' IssueState, with its pending extension request if there is one. */
export function issueStateOf(row: IssueStateRow, pending: { id: number; requestedDeadline: Date } | null | undefined): IssueState {
  return {
    status: row.status,
    level: row.level,
    raisedDate: dateToIso(row.raisedDate),
    answerDeadline: isoOrNull(row.answerDeadline),
    resolveDeadline: dateToIso(row.resolveDeadline),
    answeredDate: isoOrNull(row.answeredDate),
    closedDate: isoOrNull(row.closedDate),
    satisfaction: row.satisfaction,
    reopenCount: row.reopenCount,
    responsibleUnit: row.responsibleUnit,
    responsibleUserId: row.responsibleUserId,
    pendingExtension: pending ? { id: pending.id, requestedDeadline: dateToIso(pending.requestedDeadline) } : null,
  };
}

export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

export interface IssueTarget {
  parkId: number;
  parkCode: string;
  enterpriseId: number;
  enterpriseName: string;
  projectId: number | null;
}

/**
 * The enterprise (and project) a new problem or visit is about, checked against the
 * actor: NOT_FOUND outside their scope (for a LIAISON-only actor, an enterprise or
 * project without an active assignment to them), FORBIDDEN without "issue.write", a
 * field error for a project of another enterprise. Two small queries.
 */
export async function loadIssueTarget(db: Reader, actor: Actor, enterpriseId: number, projectId: number | null): Promise<IssueTarget> {
  const enterprise = await db.enterprise.findUnique({ where: { id: enterpriseId }, select: { id: true, name: true, parkId: true, park: { select: { code: true } } } });
  if (!enterprise || !can(actor, "issue.read", enterprise.parkId)) throw notFound("企业");
  assertCan(actor, "issue.write", enterprise.parkId, "企业");
  if (projectId !== null) {
    const project = await db.project.findUnique({ where: { id: projectId }, select: { enterpriseId: true, parkId: true } });
    if (!project || project.parkId !== enterprise.parkId) throw new AppError("VALIDATION", "所选项目不存在", { projectId: ["所选项目不存在"] });
    if (project.enterpriseId !== enterprise.id) throw new AppError("VALIDATION", "所选项目不属于该企业", { projectId: ["所选项目不属于该企业"] });
  }
  if (onlyAssignedIn(actor, enterprise.parkId)) {
    const covered = await db.assignment.findFirst({
      where: { userId: actor.userId, endDate: null, OR: [{ enterpriseId: enterprise.id }, ...(projectId !== null ? [{ projectId }] : [])] },
      select: { id: true },
    });
    if (!covered) throw notFound(projectId !== null ? "项目" : "企业");
  }
  return { parkId: enterprise.parkId, parkCode: enterprise.park.code, enterpriseId: enterprise.id, enterpriseName: enterprise.name, projectId };
}

/** A problem as raised (validated), before deadlines and the responsible user are decided. */
export interface RaisedProblem {
  category: IssueCategory;
  title: string;
  description: string;
  raisedBy: string | null;
  responsibleUnit: string | null;
  responsibleUserId: number | null;
}

/** Enough calendar for the longest default deadline, even across 春节 or 国庆. */
const CALENDAR_SPAN_DAYS = 120;

/**
 * Decides what the rules leave to the server for new problems: the default deadlines by
 * category on the holiday calendar, and the responsible user (the one chosen, who must
 * be an active member of the park; else the enterprise's 包保责任人; else the person
 * logging it). Three small queries whatever the number of problems.
 */
export async function prepareIssues(
  db: Reader,
  actorId: number,
  target: IssueTarget,
  raisedDate: string,
  problems: RaisedProblem[],
  opts: { visitId: number | null; errorKey: (index: number) => string },
): Promise<NewIssue[]> {
  const { visitId } = opts;
  const chosen = [...new Set(problems.map((p) => p.responsibleUserId).filter((id): id is number => id !== null))];
  if (chosen.length > 0) {
    const members = await db.membership.findMany({ where: { parkId: target.parkId, userId: { in: chosen }, user: { isActive: true } }, select: { userId: true } });
    const ok = new Set(members.map((m) => m.userId));
    const errors: Record<string, string[]> = {};
    problems.forEach((p, i) => {
      if (p.responsibleUserId !== null && !ok.has(p.responsibleUserId)) errors[opts.errorKey(i)] = ["负责人须为本园区的在岗用户"];
    });
    if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", "负责人须为本园区的在岗用户", errors);
  }
  const [people, cal] = await Promise.all([
    problems.some((p) => p.responsibleUserId === null) ? loadIssuePeople(db, target) : null,
    loadCalendar(db, raisedDate, addDays(raisedDate, CALENDAR_SPAN_DAYS)),
  ]);
  // A deadline reaching a year whose holiday calendar is not entered refuses the whole write.
  return computeDeadlines(() => problems.map((p) => ({
    parkId: target.parkId,
    enterpriseId: target.enterpriseId,
    projectId: target.projectId,
    visitId,
    category: p.category,
    title: p.title,
    description: p.description,
    raisedDate,
    raisedBy: p.raisedBy,
    responsibleUnit: p.responsibleUnit,
    responsibleUserId: p.responsibleUserId ?? people?.liaisons[0] ?? actorId,
    ...defaultDeadlines(p.category, raisedDate, cal),
  })));
}

/** Numbers and writes new problems of one park in the caller's transaction (takes the park's numbering lock). */
export async function insertIssues(tx: Tx, actorId: number, parkCode: string, issues: NewIssue[]): Promise<{ id: number; code: string }[]> {
  if (issues.length === 0) return [];
  await lockParkIssues(tx, issues[0].parkId);
  const next = new Map<string, number>();
  const created: { id: number; code: string }[] = [];
  for (const issue of issues) {
    const year = issue.raisedDate.slice(0, 4);
    const seq = (next.get(year) ?? (await lastIssueSeq(tx, issue.parkId, parkCode, year))) + 1;
    next.set(year, seq);
    created.push(await insertIssue(tx, actorId, issueCode(parkCode, year, seq), issue));
  }
  return created;
}
