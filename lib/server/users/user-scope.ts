import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type AdminScope, managesAccount, seesAccount } from "@/lib/domain/user-admin";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AppError, forbidden, notFound } from "@/lib/server/errors";

type Tx = Prisma.TransactionClient;

/** What the actor administers: everything, or (park leaders) the people of their parks. */
export function adminScope(actor: Actor): AdminScope {
  if (actor.grants) return { isAdmin: false, leaderParkIds: [] }; // API tokens never administer people
  return { isAdmin: actor.isAdmin, leaderParkIds: actor.isAdmin ? [] : parksWith(actor, "member.manage") };
}

/** Throws unless the actor administers someone: an administrator or a park leader. */
export function assertAdministersPeople(actor: Actor): AdminScope {
  const scope = adminScope(actor);
  if (!scope.isAdmin && scope.leaderParkIds.length === 0) throw forbidden("人员管理");
  return scope;
}

/** Prisma filter: the users the actor may see in the people pages. */
export function visibleUsersWhere(scope: AdminScope): Prisma.UserWhereInput {
  return scope.isAdmin ? {} : { memberships: { some: { parkId: { in: [...scope.leaderParkIds] } } } };
}

export const TARGET_SELECT = {
  id: true,
  username: true,
  name: true,
  isActive: true,
  sessionVersion: true,
  memberships: { select: { id: true, role: true, parkId: true, regionId: true } },
} as const;

export type TargetUser = Prisma.UserGetPayload<{ select: typeof TARGET_SELECT }>;

/**
 * The user `userId`, locked for this transaction; someone the actor may not see is "not
 * found", someone they see but do not manage (`manage`) is forbidden.
 */
export async function lockTarget(tx: Tx, scope: AdminScope, userId: number, manage: boolean): Promise<TargetUser> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: TARGET_SELECT });
  if (!user || !seesAccount(scope, user.memberships)) throw notFound("用户");
  if (manage && !managesAccount(scope, user.memberships)) {
    throw new AppError("FORBIDDEN", "此人还担任本园区以外或更高的角色，只能由系统管理员修改其账号");
  }
  return user;
}

/**
 * Refuses a change that would leave no active administrator (nobody could then manage
 * accounts). Locks the administrators' rows so two such changes cannot pass together.
 */
export async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT u.id FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m.role = 'ADMIN'
    WHERE u."isActive" AND u.id <> ${exceptUserId} FOR UPDATE OF u`;
  if (rows.length === 0) throw new AppError("VALIDATION", "这是最后一个启用的系统管理员，不能停用或取消其管理员角色", { _form: ["至少保留一个启用的系统管理员"] });
}
