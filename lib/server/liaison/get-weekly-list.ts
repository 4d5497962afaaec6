import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { weekOf } from "@/lib/domain/coverage";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { type LiaisonIssueItem, type LiaisonPerson, type VisitDueItem, issuesQuery, resolveLiaisonScope, visitsQuery } from "./liaison-queries";

export interface WeeklyList {
  liaison: LiaisonPerson;
  self: boolean;
  /** The day the list was drawn up (overdue is relative to it). */
  today: string;
  week: { monday: string; sunday: string };
  /** Enterprises due a visit by Sunday, overdue ones (carried over) first. */
  visits: VisitDueItem[];
  /** Open problems whose resolve deadline is by Sunday, overdue ones (carried over) first. */
  issues: LiaisonIssueItem[];
  /** A list was cut at WEEKLY_LIMIT rows. */
  truncated: boolean;
}

/** A printed weekly list has to stay readable; nobody has this many items in a week. */
export const WEEKLY_LIMIT = 500;

export interface WeeklyListQuery {
  userId?: number;
  parkId?: number;
  /** Any day of the week wanted, YYYY-MM-DD; default this week. */
  week?: string;
}

/**
 * 每周清单: what a liaison must do in one week, Monday to Sunday in Asia/Shanghai, for
 * printing. Visits whose due date falls by Sunday and open problems whose resolve
 * deadline falls by Sunday; items already overdue before Monday are carried over
 * (flagged `overdue`), since a weekly list that dropped them would hide the worst.
 * Same access as the liaison's page (getLiaisonOverview).
 */
export async function getWeeklyList(actor: Actor, query: WeeklyListQuery = {}, today: string = todayInShanghai()): Promise<WeeklyList> {
  if (query.week !== undefined && !isIsoDate(query.week)) {
    throw new AppError("VALIDATION", "周次日期无效（格式 YYYY-MM-DD）", { week: ["周次日期无效（格式 YYYY-MM-DD）"] });
  }
  const { liaison, parkIds, self } = await resolveLiaisonScope(actor, query.userId, query.parkId);
  const week = weekOf(query.week ?? today);
  const db = getDb();
  const sunday = Prisma.sql`CAST(${week.sunday} AS date)`;
  const [visits, issues] = await Promise.all([
    db.$queryRaw<VisitDueItem[]>(visitsQuery(liaison.id, parkIds, today, Prisma.sql`"dueDate" <= ${sunday}`, WEEKLY_LIMIT + 1)),
    db.$queryRaw<LiaisonIssueItem[]>(issuesQuery(liaison.id, parkIds, today, Prisma.sql`AND i."resolveDeadline" <= ${sunday}`, WEEKLY_LIMIT + 1)),
  ]);
  return {
    liaison,
    self,
    today,
    week,
    visits: visits.slice(0, WEEKLY_LIMIT),
    issues: issues.slice(0, WEEKLY_LIMIT),
    truncated: visits.length > WEEKLY_LIMIT || issues.length > WEEKLY_LIMIT,
  };
}
