import "server-only";
import { getDb } from "@/lib/db/client";
import { membershipSchema } from "@/lib/validation/users";
import { idField } from "@/lib/validation/fields";
import { membershipGrantProblem } from "@/lib/domain/user-admin";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, isUniqueViolation, notFound, parseOrThrow } from "@/lib/server/errors";
import { checkGrant } from "./membership-rules";
import { assertAdministersPeople, assertAnotherActiveAdmin, lockTarget } from "./user-scope";

const DUPLICATE = "此人已担任该角色";

/**
 * Grants a role to an existing person. A park leader may add PARK_STAFF or LIAISON in their
 * own parks to anyone (a colleague from another unit joining the park's work); the person's
 * other roles are untouched. Holding the same role twice is refused.
 */
export async function addMembership(actor: Actor, userId: unknown, input: unknown) {
  const scope = assertAdministersPeople(actor);
  const id = parseOrThrow(idField("用户"), userId);
  const m = parseOrThrow(membershipSchema, input);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
      const user = await tx.user.findUnique({ where: { id }, select: { id: true } });
      if (!user) throw notFound("用户");
      await checkGrant(tx, scope, m);
      const created = await tx.membership.create({ data: { userId: id, role: m.role, parkId: m.parkId, regionId: m.regionId }, select: { id: true } });
      await writeAudit(tx, { actorId: actor.userId, action: "membership.add", entityType: "User", entityId: id, parkId: m.parkId, after: m });
      return { id: created.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", DUPLICATE, { role: [DUPLICATE] });
    throw e;
  }
}

/**
 * Takes a role back. A park leader removes only the delegable roles of their parks; the last
 * active administrator keeps the ADMIN role. The person's assignments stay until handed over
 * (包保移交), so nothing a liaison covered is silently left uncovered.
 */
export async function removeMembership(actor: Actor, userId: unknown, membershipId: unknown) {
  const scope = assertAdministersPeople(actor);
  const id = parseOrThrow(idField("用户"), userId);
  const mid = parseOrThrow(idField("角色"), membershipId);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const target = await lockTarget(tx, scope, id, false);
    const m = target.memberships.find((x) => x.id === mid);
    if (!m) throw notFound("角色");
    const problem = membershipGrantProblem(scope, m);
    if (problem) throw new AppError("FORBIDDEN", problem);
    if (m.role === "ADMIN") await assertAnotherActiveAdmin(tx, id);
    await tx.membership.delete({ where: { id: mid } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "membership.remove",
      entityType: "User",
      entityId: id,
      parkId: m.parkId,
      before: { role: m.role, parkId: m.parkId, regionId: m.regionId },
    });
    return { id: mid };
  });
}

/** The park leader's "add an existing colleague" form names the person by username. */
export async function addMembershipByUsername(actor: Actor, username: unknown, input: unknown) {
  assertAdministersPeople(actor);
  const name = typeof username === "string" ? username.trim() : "";
  if (!name) throw new AppError("VALIDATION", "请填写用户名", { username: ["请填写用户名"] });
  const user = await getDb().user.findUnique({ where: { username: name }, select: { id: true } });
  if (!user) throw new AppError("VALIDATION", `没有用户名为「${name.slice(0, 32)}」的账号`, { username: [`没有用户名为「${name.slice(0, 32)}」的账号，可新建用户`] });
  return addMembership(actor, user.id, input);
}
