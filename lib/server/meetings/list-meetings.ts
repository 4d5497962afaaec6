import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type MeetingStatus, monthStart, parseScopeKey } from "@/lib/domain/meetings";
import { type Actor } from "@/lib/domain/permissions";
import { type Prisma } from "@/lib/db/generated/prisma/client";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { meetingFiltersSchema } from "@/lib/validation/meetings";
import { type MeetingTaskView, taskSelect, taskView } from "./get-meeting";
import { assertInScope, loadScope, readableScopes } from "./meeting-scope";

const pageField = z.preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number({ error: "页码须为数字" }).int("页码须为整数").min(1, "页码无效").max(100_000, "页码无效"));

export interface MeetingRow {
  id: number;
  scopeKey: string;
  title: string;
  month: string;
  meetingDate: string | null;
  status: MeetingStatus;
  items: number;
  decisions: number;
  openTasks: number;
}

export const MEETINGS_PAGE_SIZE = 20;

/** Meetings of one scope (`scope` "park:<id>" / "region:<id>"), newest month first, paged in SQL. Needs "meeting.read" for the scope. */
export async function listMeetings(actor: Actor, scopeValue: string, pageValue: unknown = 1): Promise<{ rows: MeetingRow[]; total: number; page: number; pageSize: number; scopeName: string }> {
  const page = parseOrThrow(pageField, pageValue, "page");
  const scope = parseScopeKey(scopeValue);
  const db = getDb();
  if (!scope) throw new AppError("VALIDATION", "会商范围无效（须为一个园区或一个市州）", { scope: ["会商范围无效（须为一个园区或一个市州）"] });
  const s = await loadScope(db, actor, scope);
  assertInScope(actor, s, "meeting.read");
  const where: Prisma.MeetingWhereInput = { scopeKey: s.key };
  const [total, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      orderBy: [{ month: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
      select: { id: true, scopeKey: true, title: true, month: true, meetingDate: true, status: true, _count: { select: { items: true, decisions: true, tasks: { where: { status: "OPEN" } } } } },
    }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      scopeKey: r.scopeKey,
      title: r.title,
      month: dateToIso(r.month),
      meetingDate: r.meetingDate ? dateToIso(r.meetingDate) : null,
      status: r.status,
      items: r._count.items,
      decisions: r._count.decisions,
      openTasks: r._count.tasks,
    })),
    total,
    page,
    pageSize: MEETINGS_PAGE_SIZE,
    scopeName: s.name,
  };
}

/**
 * Meetings across the scopes the actor reads (or one park / one region, which must be readable:
 * another park is NOT_FOUND, a park's staff asking for the region FORBIDDEN), by month and
 * status; newest month first, filtered and paged in SQL. The REST API's list.
 */
export async function searchMeetings(actor: Actor, filters: unknown) {
  const f = parseOrThrow(meetingFiltersSchema, filters);
  const db = getDb();
  let keys: string[];
  if (f.park || f.region) {
    const s = await loadScope(db, actor, f.park ? { kind: "park", id: f.park } : { kind: "region", id: f.region! });
    assertInScope(actor, s, "meeting.read");
    keys = [s.key];
  } else {
    keys = (await readableScopes(db, actor)).map((s) => s.key);
  }
  const where: Prisma.MeetingWhereInput = { scopeKey: { in: keys }, ...(f.month ? { month: isoToDate(monthStart(f.month)!) } : {}), ...(f.status ? { status: f.status } : {}) };
  const [total, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      orderBy: [{ month: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        scopeKey: true,
        parkId: true,
        regionId: true,
        title: true,
        month: true,
        meetingDate: true,
        status: true,
        _count: { select: { items: true, decisions: true, tasks: { where: { status: "OPEN" } } } },
      },
    }),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      scopeKey: r.scopeKey,
      parkId: r.parkId,
      regionId: r.regionId,
      title: r.title,
      month: dateToIso(r.month).slice(0, 7),
      meetingDate: r.meetingDate ? dateToIso(r.meetingDate) : null,
      status: r.status,
      items: r._count.items,
      decisions: r._count.decisions,
      openTasks: r._count.tasks,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** The meeting of a scope's month, if prepared. */
export async function findMeetingOfMonth(actor: Actor, scopeValue: string, month: string): Promise<number | null> {
  const scope = parseScopeKey(scopeValue);
  if (!scope) return null;
  const db = getDb();
  const s = await loadScope(db, actor, scope);
  assertInScope(actor, s, "meeting.read");
  const m = await db.meeting.findUnique({ where: { scopeKey_month: { scopeKey: s.key, month: isoToDate(month) } }, select: { id: true } });
  return m?.id ?? null;
}

/** The scopes whose meetings the actor may read (region first when they lead one). */
export async function listReadableScopes(actor: Actor): Promise<{ key: string; name: string }[]> {
  return readableScopes(getDb(), actor);
}

export interface MyTaskRow extends MeetingTaskView {
  meetingId: number;
  meetingTitle: string;
  decisionText: string;
  projectId: number | null;
  projectName: string | null;
  issueId: number | null;
  issueTitle: string | null;
}

const taskFilter = z.object({
  status: z.preprocess((v) => (v === undefined || v === "" ? "OPEN" : v), z.enum(["OPEN", "DONE", "ALL"], { error: "状态无效" })),
  page: pageField,
});

/**
 * 我的跟踪事项: the tasks the actor owns (open ones by deadline; done ones newest first), paged
 * in SQL. Anyone may read their own tasks.
 */
export async function listMyTasks(actor: Actor, filters: unknown = {}, today = todayInShanghai()): Promise<{ rows: MyTaskRow[]; total: number; page: number; pageSize: number; overdue: number }> {
  const f = parseOrThrow(taskFilter, filters);
  const db = getDb();
  const where: Prisma.MeetingTaskWhereInput = { ownerId: actor.userId, ...(f.status === "ALL" ? {} : { status: f.status }) };
  const [total, overdue, rows] = await Promise.all([
    db.meetingTask.count({ where }),
    db.meetingTask.count({ where: { ownerId: actor.userId, status: "OPEN", deadline: { lt: isoToDate(today) } } }),
    db.meetingTask.findMany({
      where,
      orderBy: f.status === "DONE" ? [{ doneDate: "desc" }, { id: "desc" }] : [{ status: "asc" }, { deadline: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
      select: {
        ...taskSelect,
        meetingId: true,
        meeting: { select: { title: true } },
        decision: { select: { text: true } },
        projectId: true,
        project: { select: { name: true } },
        issueId: true,
        issue: { select: { title: true } },
      },
    }),
  ]);
  return {
    rows: rows.map((t) => ({
      ...taskView(t, today),
      meetingId: t.meetingId,
      meetingTitle: t.meeting.title,
      decisionText: t.decision.text,
      projectId: t.projectId,
      projectName: t.project?.name ?? null,
      issueId: t.issueId,
      issueTitle: t.issue?.title ?? null,
    })),
    total,
    page: f.page,
    pageSize: MEETINGS_PAGE_SIZE,
    overdue,
  };
}
