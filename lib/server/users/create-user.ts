import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { temporaryPassword } from "@/lib/domain/password-policy";
import { userCreateSchema } from "@/lib/validation/users";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, isUniqueViolation, parseOrThrow } from "@/lib/server/errors";
import { checkGrant } from "./membership-rules";
import { assertAdministersPeople } from "./user-scope";

export interface CreatedUser {
  id: number;
  username: string;
  name: string;
  /** Shown once; the user must replace it at the first sign-in. */
  temporaryPassword: string;
}

/**
 * Creates an account with its roles and a one-time temporary password. Administrators
 * grant any role; a park leader creates people for their own parks with PARK_STAFF or
 * LIAISON roles there (at least one, so the person stays visible to them). One
 * transaction with an audit row (never the password).
 */
export async function createUser(actor: Actor, input: unknown): Promise<CreatedUser> {
  const scope = assertAdministersPeople(actor);
  const data = parseOrThrow(userCreateSchema, input);
  if (!scope.isAdmin && data.memberships.length === 0) {
    throw new AppError("VALIDATION", "请为新用户分配本园区的角色", { memberships: ["请至少分配一个本园区的角色（园区工作人员或包保责任人）"] });
  }
  const plain = temporaryPassword();
  const passwordHash = await hashPassword(plain);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      for (const [i, m] of data.memberships.entries()) await checkGrant(tx, scope, m, `memberships.${i}.`);
      const unique = [...new Map(data.memberships.map((m) => [`${m.role}:${m.parkId}:${m.regionId}`, m])).values()];
      const user = await tx.user.create({
        data: {
          username: data.username,
          name: data.name,
          unit: data.unit,
          title: data.title,
          phone: data.phone,
          passwordHash,
          mustChangePassword: true,
          memberships: { create: unique.map((m) => ({ role: m.role, parkId: m.parkId, regionId: m.regionId })) },
        },
        select: { id: true, username: true, name: true },
      });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        parkId: unique.find((m) => m.parkId !== null)?.parkId ?? null,
        after: { username: data.username, name: data.name, unit: data.unit, title: data.title, phone: data.phone, memberships: unique },
      });
      return { ...user, temporaryPassword: plain };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "用户名已被使用", { username: [`用户名「${data.username}」已被使用，请换一个`] });
    throw e;
  }
}
