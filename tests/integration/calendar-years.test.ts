// Working days refuse a year without a holiday calendar (issue 12): a year counts as entered
// once it has any Holiday row. New problems and visits whose deadline reaches such a year are
// a VALIDATION error naming the year (never a 500, nothing written); the filing pages show
// the due date as unknown with the same message; entering one day of the year lifts it.
//
// The integration run enters 2024-2027 (tests/helpers/calendar.ts); this file uses 2011
// (entered here) and 2012 (cleared here), which no other test touches.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { calendarMissingMessage } from "@/lib/domain/working-days";
import * as S from "@/lib/api/schemas";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { createIssue } from "@/lib/server/issues/create-issue";
import { createVisit } from "@/lib/server/visits/create-visit";
import { listFilingGrid } from "@/lib/server/progress/list-filing-grid";
import { listMissingFilings } from "@/lib/server/progress/list-missing-filings";
import { listEnteredCalendarYears } from "@/lib/server/holidays/list-calendar-years";
import { upsertHoliday } from "@/lib/server/holidays/upsert-holiday";
import { deleteHoliday } from "@/lib/server/holidays/delete-holiday";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import * as problemsRoute from "@/app/api/v1/problems/route";
import { type IssueWorld, issueInput, makeIssueWorld } from "../helpers/issue-factories";
import { TEST_CALENDAR_YEARS } from "../helpers/calendar";

const MISSING_2012 = calendarMissingMessage(2012);
const db = () => getDb();
const inYear = (y: number) => ({ date: { gte: isoToDate(`${y}-01-01`), lte: isoToDate(`${y}-12-31`) } });

let w: IssueWorld;

beforeAll(async () => {
  w = await makeIssueWorld();
  await db().holiday.deleteMany({ where: inYear(2012) });
  await db().holiday.upsert({ where: { date: isoToDate("2011-10-03") }, create: { date: isoToDate("2011-10-03"), kind: "HOLIDAY", name: "国庆节" }, update: {} });
  // A project that started in 2011: it owes December 2011, due in January 2012.
  await db().project.update({ where: { id: w.project.id }, data: { actualStartDate: isoToDate("2011-06-01"), stageDate: isoToDate("2011-06-01") } });
});

afterAll(async () => {
  await db().holiday.deleteMany({ where: { OR: [inYear(2011), inYear(2012)] } });
  await db().project.update({ where: { id: w.project.id }, data: { actualStartDate: null, stageDate: isoToDate("2025-09-01") } });
});

describe("years with a calendar", () => {
  it("are the years with at least one Holiday row, with their counts", async () => {
    const years = await listEnteredCalendarYears(w.liaison);
    const have = new Set(years.map((y) => y.year));
    for (const y of [2011, ...TEST_CALENDAR_YEARS]) expect(have.has(y), String(y)).toBe(true);
    expect(have.has(2012)).toBe(false);
    expect(years.find((y) => y.year === 2011)).toEqual({ year: 2011, holidays: 1, workdays: 0 });
    expect(years.find((y) => y.year === 2026)).toMatchObject({ holidays: expect.any(Number), workdays: 6 });
    const cal = await loadCalendar(db(), "2011-12-01", "2012-01-31");
    expect(cal.years?.has(2011)).toBe(true);
    expect(cal.years?.has(2012)).toBe(false);
  });
});

describe("a deadline reaching a year without a calendar", () => {
  const issueCount = () => db().enterpriseIssue.count({ where: { enterpriseId: w.enterprise.id } });
  const visitCount = () => db().visit.count({ where: { enterpriseId: w.enterprise.id } });

  it("refuses a new problem with the Chinese message naming the year, writing nothing", async () => {
    const before = await issueCount();
    // Raised on Tuesday 2011-12-27: 7 working days reach into January 2012.
    await expect(createIssue(w.staff, issueInput(w, { raisedDate: "2011-12-27", category: "UTILITIES" }))).rejects.toMatchObject({ code: "VALIDATION", message: MISSING_2012 });
    // Late enough in the year that even the 3-day answer deadline crosses.
    await expect(createIssue(w.staff, issueInput(w, { raisedDate: "2011-12-29" }))).rejects.toMatchObject({ code: "VALIDATION", message: MISSING_2012 });
    expect(await issueCount()).toBe(before);
    expect(await db().auditLog.count({ where: { action: "issue.create", parkId: w.park.id, createdAt: { gte: new Date(Date.now() - 60_000) } } })).toBe(0);
  });

  it("refuses a visit raising problems there, and the whole visit is not written", async () => {
    const before = [await visitCount(), await issueCount()];
    const visit = {
      enterpriseId: w.enterprise.id,
      visitDate: "2011-12-28",
      kind: "ON_SITE",
      summary: "年底走访",
      problems: [{ category: "LAND", title: "用地指标", description: "二期用地指标尚未落实" }],
    };
    await expect(createVisit(w.staff, visit)).rejects.toMatchObject({ code: "VALIDATION", message: MISSING_2012 });
    expect([await visitCount(), await issueCount()]).toEqual(before);
    // A visit without problems computes no deadline and is written.
    await expect(createVisit(w.staff, { ...visit, problems: [] })).resolves.toMatchObject({ issues: [] });
  });

  it("through the API it is a 422 with the message in Chinese, not a 500", async () => {
    const token = (await createApiToken(w.admin, { name: "日历测试", scope: "READ_WRITE", parkIds: [w.park.id] })).token;
    await db().apiRateLimit.deleteMany();
    const res = await problemsRoute.POST(
      new Request("http://localhost/api/v1/problems", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ enterpriseId: w.enterprise.id, category: "LAND", title: "用地", description: "用地指标", raisedDate: "2011-12-30" }),
      }),
      { params: Promise.resolve(undefined) } as never,
    );
    expect(res.status).toBe(422);
    const body = S.apiErrorSchema.parse(await res.json());
    expect(body.error).toMatchObject({ code: "VALIDATION", message: { zh: MISSING_2012 } });
  });

  it("shows the filing due date as unknown, with the same message, instead of counting Monday to Friday", async () => {
    const grid = await listFilingGrid(w.staff, { parkId: w.park.id, year: 2011, month: 12 }, {}, "2012-01-20");
    expect(grid).toMatchObject({ dueDate: null, overdue: false, calendarMissing: MISSING_2012 });
    expect(grid.rows.map((r) => r.id)).toContain(w.project.id);
    const missing = await listMissingFilings(w.staff, { parkId: w.park.id, year: 2011, month: 12 }, {}, "2012-01-20");
    expect(missing).toMatchObject({ dueDate: null, overdue: false, calendarMissing: MISSING_2012 });
    // November's due date falls in December 2011, which has a calendar.
    expect(await listFilingGrid(w.staff, { parkId: w.park.id, year: 2011, month: 11 }, {}, "2012-01-20")).toMatchObject({ dueDate: "2011-12-07", calendarMissing: null });
  });

  it("entering one day of the year is enough; deleting it refuses again", async () => {
    await upsertHoliday(w.admin, { date: "2012-01-02", kind: "HOLIDAY", name: "元旦" });
    const created = await createIssue(w.staff, issueInput(w, { raisedDate: "2011-12-29", category: "UTILITIES" }));
    const row = await db().enterpriseIssue.findUniqueOrThrow({ where: { id: created.id } });
    // Thursday 29th: 30 (Fri), 3 Jan (Tue; the 2nd is off) = 2, 4 = 3 -> answer by 2012-01-04; 7 working days -> 2012-01-10.
    expect([row.answerDeadline?.toISOString().slice(0, 10), row.resolveDeadline.toISOString().slice(0, 10)]).toEqual(["2012-01-04", "2012-01-10"]);
    expect(await listFilingGrid(w.staff, { parkId: w.park.id, year: 2011, month: 12 }, {}, "2012-01-20")).toMatchObject({ dueDate: "2012-01-09", overdue: true, calendarMissing: null });

    await deleteHoliday(w.admin, "2012-01-02");
    await expect(createIssue(w.staff, issueInput(w, { raisedDate: "2011-12-29" }))).rejects.toMatchObject({ code: "VALIDATION", message: MISSING_2012 });
  });
});

beforeEach(async () => {
  await db().apiRateLimit.deleteMany();
});
