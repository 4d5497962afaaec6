import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, todayInShanghai } from "@/lib/domain/dates";
import { filingDueDate, formatYearMonth, lastCompletedMonth, lastDayOfMonth, ymKey } from "@/lib/domain/filing";
import { CalendarMissingError, isWorkingDay } from "@/lib/domain/working-days";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { litCte, loadLightSetup } from "@/lib/server/warnings/light-sql";

// Scheduled reminders beyond problems (docs/rituals.md, 提醒): each one a single
// INSERT … SELECT … ON CONFLICT ("userId", "occasionKey") DO NOTHING, so every person gets
// one notification per occasion however often the job runs. The occasion key names what and
// when: a new visit, a filed report or a later deadline is a new occasion. System work: no
// actor, no audit row (nothing a person did).

type Tx = Prisma.TransactionClient;

/** How many days before a visit falls due the liaison is reminded. */
export const VISIT_DUE_NOTICE_DAYS = 3;
/** A 包保 assignment started within this many days is announced (older ones predate the reminders). */
export const ASSIGNMENT_NOTICE_DAYS = 14;
/** Namespace of the advisory lock taken while generating ("REM"). */
const REMINDER_LOCK_CLASS = 0x52454d;

const insert = (rows: Prisma.Sql) => Prisma.sql`
  INSERT INTO "Notification" ("userId", kind, title, body, link, "supervisionId", "occasionKey")
  SELECT r."userId", CAST(r.kind AS "NotificationKind"), left(r.title, 200), r.body, r.link, r."supervisionId", r.key
  FROM (${rows}) r
  JOIN "User" u ON u.id = r."userId" AND u."isActive"
  ON CONFLICT ("userId", "occasionKey") DO NOTHING`;

/** 新的包保任务: an active assignment started lately, to the person assigned. Key assignment:<id>. */
export async function assignmentReminders(tx: Tx, today: string): Promise<number> {
  return tx.$executeRaw(insert(Prisma.sql`
    SELECT a."userId", 'ASSIGNMENT_CREATED' AS kind,
           '新的包保任务：' || COALESCE(p.name, e.name) AS title,
           CASE a.role WHEN 'LIAISON' THEN '您被指派为包保责任人' ELSE '您被指派为包保领导' END
             || '，' || pk.name || '，自 ' || to_char(a."startDate", 'YYYY-MM-DD') || ' 起' AS body,
           CASE WHEN p.id IS NOT NULL THEN '/projects/' || p.id ELSE '/enterprises/' || e.id END AS link,
           NULL::int AS "supervisionId", 'assignment:' || a.id AS key
    FROM "Assignment" a
    JOIN "Park" pk ON pk.id = a."parkId"
    LEFT JOIN "Project" p ON p.id = a."projectId"
    LEFT JOIN "Enterprise" e ON e.id = COALESCE(a."enterpriseId", p."enterpriseId")
    WHERE a."endDate" IS NULL AND a."startDate" <= CAST(${today} AS date)
      AND a."startDate" > CAST(${today} AS date) - ${ASSIGNMENT_NOTICE_DAYS}::int`));
}

/**
 * 走访即将到期 / 已超期: per liaison and covered enterprise (the liaison page's schedule: last
 * visit by anyone, else the earliest active assignment's start, plus the park's interval), due
 * within VISIT_DUE_NOTICE_DAYS or past due. Keys visit-due / visit-overdue :<enterprise>:<due date>.
 */
export async function visitReminders(tx: Tx, today: string): Promise<number> {
  return tx.$executeRaw(insert(Prisma.sql`
    WITH cov AS (
      SELECT a."userId", e.id AS "enterpriseId", e.name AS "enterpriseName", e."parkId", min(a."startDate") AS since
      FROM "Assignment" a
      LEFT JOIN "Project" p ON p.id = a."projectId"
      JOIN "Enterprise" e ON e.id = COALESCE(a."enterpriseId", p."enterpriseId")
      WHERE a.role = 'LIAISON' AND a."endDate" IS NULL AND (p.id IS NULL OR p.status <> 'TERMINATED')
      GROUP BY a."userId", e.id, e.name, e."parkId"
    ), sched AS (
      SELECT cov.*, COALESCE((SELECT max(v."visitDate") FROM "Visit" v WHERE v."enterpriseId" = cov."enterpriseId" AND v."visitDate" <= CAST(${today} AS date)), since)
               + pk."visitIntervalDays" AS due
      FROM cov JOIN "Park" pk ON pk.id = cov."parkId" AND pk."archivedAt" IS NULL
    )
    SELECT "userId", CASE WHEN due < CAST(${today} AS date) THEN 'VISIT_OVERDUE' ELSE 'VISIT_DUE' END AS kind,
           CASE WHEN due < CAST(${today} AS date) THEN '走访已超期：' ELSE '走访即将到期：' END || "enterpriseName" AS title,
           '应于 ' || to_char(due, 'YYYY-MM-DD') || ' 前走访' || CASE WHEN due < CAST(${today} AS date) THEN '，已超期 ' || (CAST(${today} AS date) - due) || ' 天' ELSE '' END AS body,
           '/visits/new?enterprise=' || "enterpriseId" AS link, NULL::int AS "supervisionId",
           CASE WHEN due < CAST(${today} AS date) THEN 'visit-overdue:' ELSE 'visit-due:' END || "enterpriseId" || ':' || to_char(due, 'YYYY-MM-DD') AS key
    FROM sched
    WHERE due <= CAST(${today} AS date) + ${VISIT_DUE_NOTICE_DAYS}::int`));
}

/** The working day `n` working days before `date`. */
function workingDaysBefore(date: string, n: number, cal: Parameters<typeof isWorkingDay>[1]): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/**
 * 月报即将截止 (from two working days before last month's due date to the due date) and 月报逾期未报
 * (after it): to each active 包保责任人 of a project that files monthly and has not filed last
 * month, one notification per person and month naming how many. Keys filing-due / filing-missed :<YYYY-MM>.
 */
export async function filingReminders(tx: Tx, db: Db, today: string): Promise<number> {
  const month = lastCompletedMonth(today);
  let due: string;
  let noticeFrom: string;
  try {
    const cal = await loadCalendar(db, addDays(lastDayOfMonth(month), -20), addDays(lastDayOfMonth(month), 40));
    due = filingDueDate(month, cal);
    noticeFrom = workingDaysBefore(due, 2, cal);
  } catch (e) {
    // Without the year's holiday calendar the due date is unknown: no filing reminder yet.
    if (e instanceof CalendarMissingError) return 0;
    throw e;
  }
  if (today < noticeFrom) return 0;
  const missed = today > due;
  const label = formatYearMonth(month);
  const kind = missed ? "FILING_MISSED" : "FILING_DUE";
  const key = `${missed ? "filing-missed" : "filing-due"}:${ymKey(month)}`;
  const title = missed ? `${label}月报逾期未报` : `${label}月报将于 ${due} 截止`;
  return tx.$executeRaw(insert(Prisma.sql`
    SELECT a."userId", ${kind} AS kind, ${title} AS title,
           count(DISTINCT p.id) || ' 个项目尚未填报' || ${label} || '月报' || ${missed ? `，截止日 ${due} 已过，请尽快补报` : "，请按时填报"} AS body,
           '/progress' AS link, NULL::int AS "supervisionId", ${key} AS key
    FROM "Project" p
    JOIN "Park" pk ON pk.id = p."parkId" AND pk."archivedAt" IS NULL
    JOIN "Assignment" a ON a."projectId" = p.id AND a.role = 'LIAISON' AND a."endDate" IS NULL
    WHERE p.status = 'ACTIVE' AND p.stage IN ('STARTED', 'PRODUCING') AND p."actualStartDate" IS NOT NULL
      AND p."actualStartDate" <= CAST(${lastDayOfMonth(month)} AS date)
      AND NOT EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."projectId" = p.id AND r.year = ${month.year} AND r.month = ${month.month})
    GROUP BY a."userId"`));
}

/**
 * 项目亮红灯: each active project whose overall light is red today (the red list's rule, each
 * park's thresholds) is in a red spell (RedSpell) that began the first day a run saw it red and
 * ends the first day a run sees it not red. The spell's 包保责任人 and 包保领导 are told once per
 * spell: key project-red:<project>:<spell start>. A project that turns green and red again is a
 * new occasion; one that stays red for months is not reminded again.
 */
export async function redProjectReminders(tx: Tx, db: Db, today: string): Promise<number> {
  const parks = await db.park.findMany({ where: { archivedAt: null }, select: { id: true } });
  const setup = parks.length > 0 ? await loadLightSetup(db, parks.map((p) => p.id), today) : null;
  await tx.$executeRaw`DROP TABLE IF EXISTS red_now`;
  if (setup) {
    await tx.$executeRaw(Prisma.sql`CREATE TEMP TABLE red_now ON COMMIT DROP AS
      WITH ${litCte(setup, Prisma.sql`ao.status = 'ACTIVE'`)}
      SELECT id FROM lights WHERE overall_light = 3`);
  } else {
    await tx.$executeRaw`CREATE TEMP TABLE red_now (id int) ON COMMIT DROP`;
  }
  // Spells of projects no longer red end today; red projects without an open spell start one.
  await tx.$executeRaw`
    UPDATE "RedSpell" s SET "endedOn" = CAST(${today} AS date)
    WHERE s."endedOn" IS NULL AND s.since <= CAST(${today} AS date) AND NOT EXISTS (SELECT 1 FROM red_now r WHERE r.id = s."projectId")`;
  await tx.$executeRaw`
    INSERT INTO "RedSpell" ("projectId", since)
    SELECT r.id, CAST(${today} AS date) FROM red_now r
    WHERE NOT EXISTS (SELECT 1 FROM "RedSpell" s WHERE s."projectId" = r.id AND s."endedOn" IS NULL)`;
  return tx.$executeRaw(insert(Prisma.sql`
    SELECT a."userId", 'PROJECT_RED' AS kind, '项目亮红灯：' || pr.name AS title,
           pk.name || '，' || pr.code || '，自 ' || to_char(s.since, 'YYYY-MM-DD') || ' 起亮红灯，已列入亮灯督办红榜，请尽快推动解决' AS body,
           '/projects/' || pr.id AS link, NULL::int AS "supervisionId",
           'project-red:' || pr.id || ':' || to_char(s.since, 'YYYY-MM-DD') AS key
    FROM red_now r
    JOIN "RedSpell" s ON s."projectId" = r.id AND s."endedOn" IS NULL
    JOIN "Project" pr ON pr.id = r.id
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Assignment" a ON a."projectId" = pr.id AND a."endDate" IS NULL`));
}

/** The first working day after `today` (the next calendar day when the calendar lacks the year). */
async function nextWorkingDay(db: Db, today: string): Promise<string> {
  let next = addDays(today, 1);
  try {
    const cal = await loadCalendar(db, today, addDays(today, 40));
    while (!isWorkingDay(next, cal)) next = addDays(next, 1);
  } catch (e) {
    if (!(e instanceof CalendarMissingError)) throw e;
  }
  return next;
}

/**
 * 督办即将到期 (deadline today or the next working day) and 督办已超期 (awaiting a reply past the
 * deadline): to the recipient, and the overdue ones also to the issuer. Keys supervision-due /
 * supervision-overdue :<letter>:<deadline>.
 */
export async function supervisionReminders(tx: Tx, db: Db, today: string): Promise<number> {
  const next = await nextWorkingDay(db, today);
  return tx.$executeRaw(insert(Prisma.sql`
    WITH open AS (
      SELECT s.*, s.deadline < CAST(${today} AS date) AS late FROM "Supervision" s
      WHERE s.status IN ('ISSUED', 'RETURNED') AND s.deadline <= CAST(${next} AS date)
    ), who AS (
      SELECT open.*, open."recipientUserId" AS "userId" FROM open
      UNION ALL
      SELECT open.*, open."issuedById" AS "userId" FROM open WHERE late
    )
    SELECT "userId", CASE WHEN late THEN 'SUPERVISION_OVERDUE' ELSE 'SUPERVISION_DUE' END AS kind,
           CASE WHEN late THEN '督办已超期：' ELSE '督办即将到期：' END || subject AS title,
           code || '，办理时限 ' || to_char(deadline, 'YYYY-MM-DD') || CASE WHEN late THEN '，尚未回复整改情况' ELSE '，请按时回复整改情况' END AS body,
           '/supervision/' || id AS link, id AS "supervisionId",
           CASE WHEN late THEN 'supervision-overdue:' ELSE 'supervision-due:' END || id || ':' || to_char(deadline, 'YYYY-MM-DD') AS key
    FROM who`));
}

/**
 * 会商跟踪事项即将到期 (deadline today or the next working day) and 已超期 (still open past the
 * deadline): to the task's owner, and the overdue ones also to whoever recorded the decision
 * (when another person). Keys meeting-task-due / meeting-task-overdue :<task>:<deadline>.
 */
export async function meetingTaskReminders(tx: Tx, db: Db, today: string): Promise<number> {
  const next = await nextWorkingDay(db, today);
  return tx.$executeRaw(insert(Prisma.sql`
    WITH open AS (
      SELECT t.id, t.title, t.deadline, t."ownerId", t."createdById", m.title AS meeting, t.deadline < CAST(${today} AS date) AS late
      FROM "MeetingTask" t JOIN "Meeting" m ON m.id = t."meetingId"
      WHERE t.status = 'OPEN' AND t.deadline <= CAST(${next} AS date)
    ), who AS (
      SELECT open.*, open."ownerId" AS "userId" FROM open
      UNION ALL
      SELECT open.*, open."createdById" AS "userId" FROM open WHERE late AND open."createdById" <> open."ownerId"
    )
    SELECT "userId", CASE WHEN late THEN 'MEETING_TASK_OVERDUE' ELSE 'MEETING_TASK_DUE' END AS kind,
           CASE WHEN late THEN '会商事项已超期：' ELSE '会商事项即将到期：' END || title AS title,
           meeting || '议定，办理时限 ' || to_char(deadline, 'YYYY-MM-DD') || CASE WHEN late THEN '，尚未办结' ELSE '，请按时办结' END AS body,
           '/meetings/tasks' AS link, NULL::int AS "supervisionId",
           CASE WHEN late THEN 'meeting-task-overdue:' ELSE 'meeting-task-due:' END || id || ':' || to_char(deadline, 'YYYY-MM-DD') AS key
    FROM who`));
}

export interface ReminderCounts {
  assignments: number;
  visits: number;
  filings: number;
  redProjects: number;
  supervisions: number;
  meetingTasks: number;
}

/**
 * Every scheduled reminder kind for `today`, in one transaction. Concurrent callers do not wait:
 * whoever holds the lock writes, the others return zeros (they would write the same rows).
 */
export async function generateReminders(today = todayInShanghai()): Promise<ReminderCounts> {
  const db = getDb();
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REMINDER_LOCK_CLASS}::int, 0) AS locked`;
      if (!locked) return { assignments: 0, visits: 0, filings: 0, redProjects: 0, supervisions: 0, meetingTasks: 0 };
      return {
        assignments: await assignmentReminders(tx, today),
        visits: await visitReminders(tx, today),
        filings: await filingReminders(tx, db, today),
        redProjects: await redProjectReminders(tx, db, today),
        supervisions: await supervisionReminders(tx, db, today),
        meetingTasks: await meetingTaskReminders(tx, db, today),
      };
    },
    { timeout: 120_000 },
  );
}
