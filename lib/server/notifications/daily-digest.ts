import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { logger } from "@/lib/server/logger";

// 每日待办摘要: what is due today and overdue for one person — problems they answer for, visits
// of the enterprises they cover, 督办 letters awaiting their reply or review, 首问 hand-offs to
// accept, follow-up tasks of 每月会商 they own — read live for the page (/digest, printable) and counted per person each morning by
// the daily-digest job (one DAILY_DIGEST notification per person and day).

export interface DigestItem {
  kind: "issue" | "visit" | "supervision" | "review" | "handoff" | "task";
  title: string;
  detail: string;
  /** YYYY-MM-DD; null for what has no date (a review waiting). */
  due: string | null;
  overdue: boolean;
  link: string;
}

export const DIGEST_SECTION_LABELS: Record<DigestItem["kind"], string> = {
  issue: "企业问题（我负责）",
  visit: "走访（我包保的企业）",
  supervision: "督办函（待我回复）",
  review: "督办回复（待我审核）",
  handoff: "首问移交（待我接收）",
  task: "会商跟踪事项（我负责）",
};

/** Items per section on the page; the counts are whole. */
export const DIGEST_LIMIT = 50;

/** Items as SQL rows (userId, kind, title, detail, due, overdue, link) of one person, or of everyone (null). */
function digestRows(today: string, userId: number | null): Prisma.Sql {
  const who = (col: string) => (userId === null ? Prisma.sql`${Prisma.raw(col)} IS NOT NULL` : Prisma.sql`${Prisma.raw(col)} = ${userId}::int`);
  return Prisma.sql`
    SELECT i."responsibleUserId" AS "userId", 'issue' AS kind, i.title, i.code || ' · ' || e.name AS detail,
           i."resolveDeadline" AS due, i."resolveDeadline" < CAST(${today} AS date) AS overdue, '/issues/' || i.id AS link
    FROM "EnterpriseIssue" i JOIN "Enterprise" e ON e.id = i."enterpriseId"
    WHERE i.status <> 'CLOSED' AND i."resolveDeadline" <= CAST(${today} AS date) AND ${who('i."responsibleUserId"')}
    UNION ALL
    SELECT v."userId", 'visit', v.name, '应走访日期', v.due, v.due < CAST(${today} AS date), '/visits/new?enterprise=' || v.id
    FROM (
      SELECT a."userId", e.id, e.name,
             COALESCE((SELECT max(x."visitDate") FROM "Visit" x WHERE x."enterpriseId" = e.id AND x."visitDate" <= CAST(${today} AS date)), min(a."startDate")) + pk."visitIntervalDays" AS due
      FROM "Assignment" a
      LEFT JOIN "Project" p ON p.id = a."projectId"
      JOIN "Enterprise" e ON e.id = COALESCE(a."enterpriseId", p."enterpriseId")
      JOIN "Park" pk ON pk.id = e."parkId"
      WHERE a.role = 'LIAISON' AND a."endDate" IS NULL AND (p.id IS NULL OR p.status <> 'TERMINATED') AND ${who('a."userId"')}
      GROUP BY a."userId", e.id, e.name, pk."visitIntervalDays"
    ) v
    WHERE v.due <= CAST(${today} AS date)
    UNION ALL
    SELECT s."recipientUserId", 'supervision', s.subject, s.code, s.deadline, s.deadline < CAST(${today} AS date), '/supervision/' || s.id
    FROM "Supervision" s
    WHERE s.status IN ('ISSUED', 'RETURNED') AND s.deadline <= CAST(${today} AS date) AND ${who('s."recipientUserId"')}
    UNION ALL
    SELECT s."issuedById", 'review', s.subject, s.code || ' 已回复，待审核', NULL::date, false, '/supervision/' || s.id
    FROM "Supervision" s
    WHERE s.status = 'REPLIED' AND ${who('s."issuedById"')}
    UNION ALL
    SELECT i."responsibleUserId", 'handoff', i.title, i.code || ' · 首问移交待接收', i."resolveDeadline", false, '/issues/' || i.id
    FROM "EnterpriseIssue" i
    WHERE i."firstContactUserId" IS NOT NULL AND i."handoffAcceptedAt" IS NULL AND ${who('i."responsibleUserId"')}
    UNION ALL
    SELECT t."ownerId", 'task', t.title, m.title || ' 议定', t.deadline, t.deadline < CAST(${today} AS date), '/meetings/tasks'
    FROM "MeetingTask" t JOIN "Meeting" m ON m.id = t."meetingId"
    WHERE t.status = 'OPEN' AND t.deadline <= CAST(${today} AS date) AND ${who('t."ownerId"')}`;
}

export interface DailyDigest {
  today: string;
  name: string;
  sections: { kind: DigestItem["kind"]; label: string; total: number; overdue: number; items: DigestItem[] }[];
  total: number;
}

/** The actor's own digest for `today` (their own work only: no permission beyond being signed in). */
export async function getDailyDigest(actor: Actor, today = todayInShanghai()): Promise<DailyDigest> {
  const rows = await getDb().$queryRaw<(Omit<DigestItem, "due"> & { due: Date | null })[]>(Prisma.sql`
    SELECT kind, title, detail, due, overdue, link FROM (${digestRows(today, actor.userId)}) d
    ORDER BY kind, overdue DESC, due NULLS LAST, title`);
  const kinds = Object.keys(DIGEST_SECTION_LABELS) as DigestItem["kind"][];
  const sections = kinds
    .map((kind) => {
      const all = rows.filter((r) => r.kind === kind);
      return {
        kind,
        label: DIGEST_SECTION_LABELS[kind],
        total: all.length,
        overdue: all.filter((r) => r.overdue).length,
        items: all.slice(0, DIGEST_LIMIT).map((r) => ({ ...r, due: r.due ? r.due.toISOString().slice(0, 10) : null })),
      };
    })
    .filter((s) => s.total > 0);
  return { today, name: actor.name, sections, total: rows.length };
}

/**
 * 每日待办 notifications: one per active person with anything due today or overdue, summing it
 * up and linking to /digest. Key digest:<today>, so a second run the same day writes nothing.
 */
export async function generateDigestNotifications(today = todayInShanghai()): Promise<{ created: number }> {
  const created = await getDb().$executeRaw(Prisma.sql`
    WITH d AS (${digestRows(today, null)}),
    per AS (
      SELECT "userId",
             count(*) FILTER (WHERE kind = 'issue' AND overdue) AS issues_late, count(*) FILTER (WHERE kind = 'issue' AND NOT overdue) AS issues_today,
             count(*) FILTER (WHERE kind = 'visit') AS visits,
             count(*) FILTER (WHERE kind = 'supervision') AS letters,
             count(*) FILTER (WHERE kind = 'review') AS reviews,
             count(*) FILTER (WHERE kind = 'handoff') AS handoffs,
             count(*) FILTER (WHERE kind = 'task') AS tasks
      FROM d GROUP BY "userId"
    )
    INSERT INTO "Notification" ("userId", kind, title, body, link, "occasionKey")
    SELECT per."userId", 'DAILY_DIGEST', '今日待办（' || ${today} || '）',
           concat_ws('，',
             CASE WHEN issues_late > 0 THEN '超期问题 ' || issues_late || ' 件' END,
             CASE WHEN issues_today > 0 THEN '今日到期问题 ' || issues_today || ' 件' END,
             CASE WHEN visits > 0 THEN '应走访企业 ' || visits || ' 家' END,
             CASE WHEN letters > 0 THEN '待回复督办函 ' || letters || ' 件' END,
             CASE WHEN reviews > 0 THEN '待审核督办回复 ' || reviews || ' 件' END,
             CASE WHEN handoffs > 0 THEN '待接收首问移交 ' || handoffs || ' 件' END,
             CASE WHEN tasks > 0 THEN '到期会商事项 ' || tasks || ' 项' END),
           '/digest', 'digest:' || ${today}
    FROM per JOIN "User" u ON u.id = per."userId" AND u."isActive"
    ON CONFLICT ("userId", "occasionKey") DO NOTHING`);
  return { created };
}

/** The actor's digest for a page's 今日待办 line, started now and awaited where it streams in (a failure shows nothing). */
export function myDigest(actor: Actor): Promise<DailyDigest> {
  const digest = getDailyDigest(actor);
  return digest.catch((err: unknown) => {
    logger.error({ err, userId: actor.userId }, "daily digest line failed");
    return { today: todayInShanghai(), name: actor.name, sections: [], total: 0 };
  });
}
