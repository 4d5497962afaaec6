import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { ELIGIBLE_PARK_ROLES, type AssignmentRole } from "@/lib/domain/coverage";
import { bulkReassignSchema } from "@/lib/validation/assignments";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AppError, forbidden, parseOrThrow, validationError } from "@/lib/server/errors";

export interface BulkReassignGroup {
  parkId: number;
  parkName: string;
  role: AssignmentRole;
  count: number;
}

export interface BulkReassignResult {
  /** Assignments handed over (as many rows ended, as many started). */
  count: number;
  /** Per park and role, for the confirmation message. */
  groups: BulkReassignGroup[];
}

const NOTHING_TO_MOVE = "原包保人员在所选范围内没有在岗的包保";

/**
 * Hands every active assignment of `fromUserId` to `toUserId` from `startDate` (a person
 * leaves or changes post): only in `parkId` if given, else in every park where the actor
 * holds "assignment.manage" (assignments in other parks are left alone); only `role` if
 * given, else both roles. Each row ends on the handover date and a copy starts for the
 * new holder with the same target, role and 责任单位 (or `department` if given), so every
 * assignment keeps its own history.
 *
 * The new holder must be able to take each role in each park concerned, and the handover
 * date must not be before any of the rows' start dates; otherwise nothing is written.
 *
 * One transaction with a fixed number of statements whatever the count: the rows are
 * locked and summed per park and role, ended and copied by one UPDATE ... RETURNING
 * feeding an INSERT ... SELECT, and one audit row (entity = the person handing over)
 * records the count, the groups and the ids.
 */
export async function bulkReassign(actor: Actor, input: unknown): Promise<BulkReassignResult> {
  const parsed = parseOrThrow(bulkReassignSchema, input);
  const data = parsed;
  if (data.parkId !== undefined) assertCan(actor, "assignment.manage", data.parkId, "园区");
  const scope = data.parkId !== undefined ? [data.parkId] : parksWith(actor, "assignment.manage");
  if (scope.length === 0) throw forbidden("包保移交");

  const db = getDb();
  const [from, to] = await Promise.all([
    db.user.findUnique({ where: { id: data.fromUserId }, select: { id: true, name: true } }),
    db.user.findFirst({
      where: { id: data.toUserId, isActive: true },
      select: { id: true, name: true, memberships: { where: { parkId: { in: scope } }, select: { parkId: true, role: true } } },
    }),
  ]);
  if (!from) throw validationError({ fromUserId: [NOTHING_TO_MOVE] });
  if (!to || to.memberships.length === 0) throw validationError({ toUserId: ["接任人员须为本园区在岗人员"] });

  const roleFilter = data.role ? Prisma.sql`AND role = CAST(${data.role} AS "AssignmentRole")` : Prisma.empty;
  const today = todayInShanghai();

  return db.$transaction(async (tx) => {
    const groups = await tx.$queryRaw<(BulkReassignGroup & { latestStart: string })[]>`
      WITH mine AS (
        SELECT id, "parkId", role, "startDate" FROM "Assignment"
        WHERE "userId" = ${from.id} AND "endDate" IS NULL AND "parkId" = ANY(${scope}::int[]) ${roleFilter}
        FOR UPDATE
      )
      SELECT m."parkId", pk.name AS "parkName", m.role::text AS role, count(*)::int AS count,
             to_char(max(m."startDate"), 'YYYY-MM-DD') AS "latestStart"
      FROM mine m JOIN "Park" pk ON pk.id = m."parkId"
      GROUP BY m."parkId", pk.name, m.role
      ORDER BY pk.name, m.role`;

    if (groups.length === 0) throw validationError({ fromUserId: [NOTHING_TO_MOVE] });
    const problems: Record<string, string[]> = {};
    const latest = groups.reduce((max, g) => (g.latestStart > max ? g.latestStart : max), "");
    if (data.startDate > today) problems.startDate = ["交接日期不能晚于今天"];
    else if (data.startDate < latest) problems.startDate = [`交接日期不能早于被移交包保中最晚的开始日期（${latest}）`];
    const cannot = groups.filter((g) => !to.memberships.some((m) => m.parkId === g.parkId && (ELIGIBLE_PARK_ROLES[g.role] as readonly string[]).includes(m.role)));
    if (cannot.length > 0) {
      problems.toUserId = cannot.map((g) =>
        g.role === "LIAISON"
          ? `接任人员在${g.parkName}不能担任包保责任人（须为该园区在岗的包保责任人或园区工作人员）`
          : `接任人员在${g.parkName}不能担任包保领导（须为该园区在岗的园区领导）`,
      );
    }
    if (Object.keys(problems).length > 0) throw validationError(problems);

    const [moved] = await tx.$queryRaw<{ ended: number[]; created: number[] }[]>`
      WITH ended AS (
        UPDATE "Assignment" SET "endDate" = CAST(${data.startDate} AS date)
        WHERE "userId" = ${from.id} AND "endDate" IS NULL AND "parkId" = ANY(${scope}::int[]) ${roleFilter}
        RETURNING id, "parkId", role, "projectId", "enterpriseId", department
      ), created AS (
        INSERT INTO "Assignment" ("parkId", role, "userId", "projectId", "enterpriseId", department, "startDate", note, "createdById")
        SELECT "parkId", role, ${to.id}, "projectId", "enterpriseId", COALESCE(${data.department}::text, department),
               CAST(${data.startDate} AS date), ${data.note}::text, ${actor.userId}
        FROM ended ORDER BY id
        RETURNING id
      )
      SELECT COALESCE((SELECT array_agg(id ORDER BY id) FROM ended), '{}') AS ended,
             COALESCE((SELECT array_agg(id ORDER BY id) FROM created), '{}') AS created`;

    const count = moved.ended.length;
    const expected = groups.reduce((sum, g) => sum + g.count, 0);
    // The rows were locked above, so the counts agree; if not, write nothing rather than half.
    if (count !== expected || moved.created.length !== count) throw new AppError("CONFLICT", "包保数据已被他人修改，请刷新后重试");

    const parks = [...new Set(groups.map((g) => g.parkId))];
    const summary = groups.map(({ latestStart: _l, ...g }) => g);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "assignment.bulkReassign",
      entityType: "User",
      entityId: from.id,
      parkId: parks.length === 1 ? parks[0] : null,
      before: { userId: from.id, userName: from.name, assignmentIds: moved.ended },
      after: {
        userId: to.id,
        userName: to.name,
        startDate: data.startDate,
        role: data.role ?? null,
        parkId: data.parkId ?? null,
        department: data.department,
        note: data.note,
        count,
        groups: summary,
        assignmentIds: moved.created,
      },
    });
    return { count, groups: summary };
  });
}
