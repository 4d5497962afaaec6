import "server-only";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { ThrottleRule, ThrottleState } from "@/lib/domain/throttle";

// The sign-in throttle's counters (LoginThrottle) changed in PostgreSQL, one statement per
// step, so every server process and every parallel request sees one count: the upsert takes
// the row lock, computes the new state from the committed one and returns it. The rules are
// lib/domain/throttle.ts (afterAttempt, afterRelease); tests/integration/sign-in-throttle.test.ts
// holds these statements equal to them.

type Sql = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/**
 * Counts one attempt on `key` before its password is checked (afterAttempt) and returns
 * the new state; attemptAllowed(state) says whether the password may be checked.
 */
export async function reserveAttempt(db: Sql, key: string, rule: ThrottleRule, now: Date): Promise<ThrottleState> {
  const at = Prisma.sql`${now}::timestamptz`;
  const lockEnd = Prisma.sql`${new Date(now.getTime() + rule.lockMs)}::timestamptz`;
  const max = Prisma.sql`${rule.maxFailures}::int`;
  const locked = Prisma.sql`t."lockedUntil" > ${at}`;
  // A new window once the old one has passed or a lock in it has expired.
  const fresh = Prisma.sql`(${at} - t."windowStart" > ${rule.windowMs}::int * interval '1 millisecond' OR t."lockedUntil" IS NOT NULL)`;
  const counted = Prisma.sql`CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END`;
  const rows = await db.$queryRaw<ThrottleState[]>`
    INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${at}, CASE WHEN 1 >= ${max} THEN ${lockEnd} END)
    ON CONFLICT (key) DO UPDATE SET
      failures      = CASE WHEN ${locked} THEN t.failures + 1 ELSE ${counted} END,
      "windowStart" = CASE WHEN ${locked} THEN t."windowStart" WHEN ${fresh} THEN ${at} ELSE t."windowStart" END,
      "lockedUntil" = CASE WHEN ${locked} THEN t."lockedUntil" WHEN ${counted} >= ${max} THEN ${lockEnd} END
    RETURNING failures, "windowStart", "lockedUntil"`;
  return rows[0];
}

/**
 * Gives back an attempt counted in the window that started at `countedIn` (afterRelease):
 * its password was right, or it was refused for another key and never checked.
 */
export async function releaseAttempt(db: Sql, key: string, rule: ThrottleRule, countedIn: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle"
    SET failures = failures - 1,
        "lockedUntil" = CASE WHEN failures - 1 < ${rule.maxFailures}::int THEN NULL ELSE "lockedUntil" END
    WHERE key = ${key} AND "windowStart" = ${countedIn}::timestamptz AND failures > 0`;
}
