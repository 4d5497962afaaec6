import "server-only";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { passwordProblems } from "@/lib/domain/password-policy";
import { usernameField } from "@/lib/validation/users";
import { requiredText } from "@/lib/validation/fields";
import { z } from "zod";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, isUniqueViolation, parseOrThrow } from "@/lib/server/errors";

const schema = z.object({ username: usernameField, name: requiredText("显示名", 50), password: z.string({ error: "请提供密码" }) });

/**
 * Creates an ADMIN account from the command line (`npm run admin:create`), the way a
 * production database gets its first administrator. There is no acting user: the audit
 * row has none. The password must pass the same rule as every other.
 */
export async function createAdministrator(db: Db, input: { username: string; name?: string; password: string }) {
  const data = parseOrThrow(schema, { ...input, name: input.name || input.username });
  const problems = passwordProblems(data.password, data.username, "密码");
  if (problems.length > 0) throw new AppError("VALIDATION", problems.join("；"), { password: problems });
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: data.username, name: data.name, passwordHash, passwordChangedAt: new Date(), memberships: { create: [{ role: "ADMIN" }] } },
        select: { id: true, username: true, name: true },
      });
      await writeAudit(tx, { actorId: null, action: "user.create", entityType: "User", entityId: user.id, after: { username: user.username, name: user.name, memberships: [{ role: "ADMIN" }], via: "admin:create" } });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", `用户名「${data.username}」已存在`, { username: [`用户名「${data.username}」已存在`] });
    throw e;
  }
}

/** Whether any active account holds the ADMIN role (npm start refuses to serve without one). */
export async function hasActiveAdministrator(db: Db): Promise<boolean> {
  const n = await db.membership.count({ where: { role: "ADMIN", user: { isActive: true } } });
  return n > 0;
}
