import "server-only";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";

/** Namespace of the advisory lock taken while generating ("DUE"). */
const DEADLINE_LOCK_CLASS = 0x445545;

/**
 * Creates the deadline notifications that are due and not yet sent: ISSUE_DUE_TOMORROW
 * for open problems due today or by the next working day (holiday calendar included, so
 * a Friday warns about Monday), ISSUE_OVERDUE for open problems past their deadline. Each
 * goes to the responsible user and the active 包保责任人 of the project or enterprise,
 * once per problem, person and kind (a later reminder after an extension is not sent).
 *
 * One INSERT … SELECT … WHERE NOT EXISTS, run by the job worker every ten minutes
 * (lib/server/jobs/deadline-reminders.ts on pg-boss, which runs each occasion once). Concurrent
 * callers (a manual run beside the schedule) do not wait for each other: whoever holds the lock
 * does the work and the others return 0 at once (they would have inserted the same rows).
 *
 * A system job: it takes no actor and writes no audit row (nothing a person did).
 */
export async function generateDeadlineNotifications(today = todayInShanghai()): Promise<{ created: number }> {
  return getDb().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${DEADLINE_LOCK_CLASS}::int, 0) AS locked`;
    if (!locked) return { created: 0 };
    const created = await tx.$executeRaw`
      WITH next_workday AS (
        SELECT min(g.d)::date AS d
        FROM generate_series(CAST(${today} AS date) + 1, CAST(${today} AS date) + 40, interval '1 day') AS g(d)
        LEFT JOIN "Holiday" h ON h.date = g.d::date
        WHERE h.kind = 'WORKDAY' OR (h.kind IS NULL AND extract(isodow FROM g.d) < 6)
      ),
      due AS (
        SELECT i.id, i.code, i.title, i."resolveDeadline", i."responsibleUserId", i."projectId", i."enterpriseId",
               CASE WHEN i."resolveDeadline" < CAST(${today} AS date) THEN 'ISSUE_OVERDUE' ELSE 'ISSUE_DUE_TOMORROW' END AS kind
        FROM "EnterpriseIssue" i, next_workday n
        WHERE i.status <> 'CLOSED' AND i."resolveDeadline" <= n.d
      ),
      recipients AS (
        SELECT due.id, due."responsibleUserId" AS "userId" FROM due WHERE due."responsibleUserId" IS NOT NULL
        UNION
        SELECT due.id, a."userId" FROM due
        JOIN "Assignment" a ON a.role = 'LIAISON' AND a."endDate" IS NULL AND (a."projectId" = due."projectId" OR a."enterpriseId" = due."enterpriseId")
      )
      INSERT INTO "Notification" ("userId", kind, title, body, link, "issueId")
      SELECT r."userId", CAST(due.kind AS "NotificationKind"),
             CASE WHEN due.kind = 'ISSUE_OVERDUE' THEN '问题已超期：' ELSE '问题即将到期：' END || due.title,
             due.code || '，办结时限 ' || to_char(due."resolveDeadline", 'YYYY-MM-DD') ||
               CASE WHEN due.kind = 'ISSUE_OVERDUE' THEN '，已超期，请尽快办结' ELSE '，请按时办结或在时限届满前申请延期' END,
             '/issues/' || due.id, due.id
      FROM recipients r
      JOIN due ON due.id = r.id
      JOIN "User" u ON u.id = r."userId" AND u."isActive"
      WHERE NOT EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = r."userId" AND n."issueId" = due.id AND n.kind = CAST(due.kind AS "NotificationKind"))`;
    return { created };
  });
}
