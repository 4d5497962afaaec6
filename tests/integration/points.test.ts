// 积分考核 (docs/points.md): each rule on a fixture, every point traced to the record behind it,
// rule versions from a date forward, manual adjustments, and who sees what.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { AppError } from "@/lib/server/errors";
import { getLeaderboard } from "@/lib/server/points/get-leaderboard";
import { listPointEvents, type PointEventRow } from "@/lib/server/points/list-point-events";
import { getPointRules, setPointRule } from "@/lib/server/points/point-rules";
import { createPointAdjustment } from "@/lib/server/points/create-point-adjustment";
import { POINTS_BOARD_COLUMNS, POINTS_EVENT_COLUMNS, POINTS_PARK_COLUMNS, exportPoints } from "@/lib/server/points/export-points";
import { MESSAGES } from "@/lib/i18n/messages";
import { BOARD_TAB_LABELS } from "@/lib/validation/points";
import { MANUAL_LABEL, POINT_EARNER_LABELS, POINT_KINDS, pointKindLabel } from "@/lib/domain/points";
import ExcelJS from "exceljs";
import { unique, makeUser } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { type LiaisonWorld, makeAssignment, makeEnterprise, makeLiaisonWorld, makeVisit } from "../helpers/assignment-factories";
import { loadActor } from "@/lib/server/actor";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { publishBulletin } from "@/lib/server/bulletin/publish-bulletin";
import { getPublishedBulletin } from "@/lib/server/bulletin/published-bulletin";
import type { Actor } from "@/lib/domain/permissions";
import * as pointsRoute from "@/app/api/export/points/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

const TODAY = "2026-11-25";

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

let w: LiaisonWorld;
let leaderPerson: Actor;
const ids: Record<string, number> = {};
const d = isoToDate;

async function events(actor: Actor, q: Record<string, unknown>): Promise<PointEventRow[]> {
  return (await listPointEvents(actor, { park: w.park.id, period: "year", year: 2026, ...q }, { all: true }, TODAY)).rows;
}

beforeAll(async () => {
  w = await makeLiaisonWorld();
  const park = w.park.id;
  const A = w.liaisonA.userId;
  const lp = await makeUser([{ role: "PARK_LEADER", parkId: park }], { name: unique("包保领导") });
  leaderPerson = (await loadActor(getDb(), lp.id))!;
  const L = lp.id;
  const db = getDb();

  // P1 of E1: signed, landed, started 03-01 (planned 03-10: on plan), producing 09-15.
  const e1 = await makeEnterprise(park, unique("一号企业"));
  const p1 = await db.project.create({
    data: {
      code: unique("PRJ"), parkId: park, enterpriseId: e1.id, name: unique("一号项目"), industry: "新材料",
      totalInvestment: "5000.00", contractInvestment: "4000.00", signedDate: d("2026-01-05"), stage: "PRODUCING", stageDate: d("2026-09-15"),
      landedDate: d("2026-02-01"), registeredDate: d("2026-02-01"), plannedStartDate: d("2026-03-10"), actualStartDate: d("2026-03-01"),
      actualProductionDate: d("2026-09-15"), responsibleUnit: "经发局",
    },
  });
  ids.p1 = p1.id;
  ids.e1 = e1.id;
  const ev = (type: "SIGN" | "ADVANCE", fromStage: "SIGNED" | "LANDED" | "STARTED" | null, toStage: "SIGNED" | "LANDED" | "STARTED" | "PRODUCING", date: string) =>
    db.stageEvent.create({ data: { projectId: p1.id, type, fromStage, toStage, fromStatus: fromStage ? "ACTIVE" : null, toStatus: "ACTIVE", businessDate: d(date), actorId: w.staff.userId } });
  await ev("SIGN", null, "SIGNED", "2026-01-05");
  await ev("ADVANCE", "SIGNED", "LANDED", "2026-02-01");
  ids.started = (await ev("ADVANCE", "LANDED", "STARTED", "2026-03-01")).id;
  ids.producing = (await ev("ADVANCE", "STARTED", "PRODUCING", "2026-09-15")).id;
  await makeAssignment({ parkId: park, userId: A, projectId: p1.id, startDate: "2026-01-01", department: "招商合作局" });
  await makeAssignment({ parkId: park, userId: L, role: "LEADER", projectId: p1.id, startDate: "2026-01-01" });
  // Filings: March..October owed; July filed late, August never.
  for (const m of [3, 4, 5, 6, 9, 10]) {
    await db.progressReport.create({ data: { projectId: p1.id, year: 2026, month: m, investmentCompleted: "10", fundsArrived: "10", filedById: A, filedAt: new Date(Date.UTC(2026, m, 1, 2)) } });
  }
  await db.progressReport.create({ data: { projectId: p1.id, year: 2026, month: 7, investmentCompleted: "10", fundsArrived: "10", filedById: A, filedAt: new Date(Date.UTC(2026, 7, 20, 2)) } });

  // P2 of E2: planned to start 05-10, never started: missed from 06-10.
  const e2 = await makeEnterprise(park, unique("二号企业"));
  const p2 = await db.project.create({
    data: {
      code: unique("PRJ"), parkId: park, enterpriseId: e2.id, name: unique("二号项目"), industry: "新材料",
      totalInvestment: "1000.00", contractInvestment: "800.00", signedDate: d("2026-01-05"), stage: "SIGNED", stageDate: d("2026-01-05"),
      plannedStartDate: d("2026-05-10"), responsibleUnit: "经发局",
    },
  });
  ids.p2 = p2.id;
  await makeAssignment({ parkId: park, userId: A, projectId: p2.id, startDate: "2026-01-01" });

  // E3: covered from 06-01; visits 06-10 (first), 07-05 (25 days), 09-01 (58: late), 11-10 (70: late), 11-20 (10: on schedule).
  const e3 = await makeEnterprise(park, unique("三号企业"));
  ids.e3 = e3.id;
  await makeAssignment({ parkId: park, userId: A, enterpriseId: e3.id, startDate: "2026-06-01", department: "招商合作局" });
  await makeAssignment({ parkId: park, userId: L, role: "LEADER", enterpriseId: e3.id, startDate: "2026-06-01" });
  for (const date of ["2026-06-10", "2026-07-05", "2026-09-01", "2026-11-10", "2026-11-20"]) {
    ids[`visit-${date}`] = (await makeVisit({ parkId: park, enterpriseId: e3.id, liaisonId: A, visitDate: date })).id;
  }

  // Problems on P1: closed on time and satisfied; open past its deadline; closed late; on time but only basically satisfied.
  const issue = async (key: string, resolveDeadline: string, closedDate: string | null, satisfaction: "SATISFIED" | "BASICALLY_SATISFIED" | null) => {
    const row = await db.enterpriseIssue.create({
      data: {
        code: unique("WT"), parkId: park, enterpriseId: e1.id, projectId: p1.id, category: "LAND", title: unique(key), description: "企业反映的问题",
        raisedDate: d("2026-04-01"), reporterId: A, responsibleUnit: "自然资源局", status: closedDate ? "CLOSED" : "IN_PROGRESS",
        resolveDeadline: d(resolveDeadline), closedDate: closedDate ? d(closedDate) : null, satisfaction,
      },
    });
    ids[key] = row.id;
  };
  await issue("onTime", "2026-05-15", "2026-05-10", "SATISFIED");
  await issue("open", "2026-06-30", null, null);
  await issue("late", "2026-08-01", "2026-08-10", "SATISFIED");
  await issue("basic", "2026-05-15", "2026-05-12", "BASICALLY_SATISFIED");

  // 督办函 on P1: one never answered (deadline 10-10), one answered on time, one on a problem answered late.
  const letter = async (key: string, deadline: string, repliedAt: Date | null, on: { projectId?: number; issueId?: number }) => {
    const row = await db.supervision.create({
      data: {
        code: unique("DB"), parkId: park, ...on, subject: "推进开工", requirement: "限期整改", recipientUserId: A, recipientUnit: "住建局",
        issuedById: w.leader.userId, issuedDate: d("2026-09-20"), workdays: 10, deadline: d(deadline), status: repliedAt ? "REPLIED" : "ISSUED",
      },
    });
    if (repliedAt) await db.supervisionEvent.create({ data: { supervisionId: row.id, type: "REPLIED", actorId: A, createdAt: repliedAt } });
    ids[key] = row.id;
  };
  await letter("unanswered", "2026-10-10", null, { projectId: p1.id });
  await letter("answered", "2026-10-10", new Date(Date.UTC(2026, 9, 9, 15, 30)), { projectId: p1.id }); // 10-09 23:30 Shanghai
  await letter("lateReply", "2026-10-12", new Date(Date.UTC(2026, 9, 12, 16, 30)), { issueId: ids.open }); // 10-13 00:30 Shanghai
});

describe("each rule on the fixture, with the record behind each point", () => {
  it("project started, produced and started on plan: the stage events, for the liaison, the leader and the unit", async () => {
    const started = await events(w.leader, { kind: "PROJECT_STARTED" });
    const mine = started.filter((r) => r.projectId === ids.p1);
    expect(mine.map((r) => [r.earner, r.points, r.eventDate, r.stageEventId])).toEqual(
      expect.arrayContaining([
        ["LIAISON", 5, "2026-03-01", ids.started],
        ["LEADER", 5, "2026-03-01", ids.started],
        ["UNIT", 5, "2026-03-01", ids.started],
      ]),
    );
    expect(mine).toHaveLength(3);
    expect(mine.find((r) => r.earner === "LIAISON")!.userId).toBe(w.liaisonA.userId);
    expect(mine.find((r) => r.earner === "LEADER")!.userId).toBe(leaderPerson.userId);
    expect(mine.find((r) => r.earner === "UNIT")!.unit).toBe("经发局");
    const producing = (await events(w.leader, { kind: "PROJECT_PRODUCING", earner: "LIAISON" })).filter((r) => r.projectId === ids.p1);
    expect(producing.map((r) => [r.points, r.eventDate, r.stageEventId])).toEqual([[5, "2026-09-15", ids.producing]]);
    const onPlan = (await events(w.leader, { kind: "START_ON_PLAN", earner: "LIAISON" })).filter((r) => r.projectId === ids.p1);
    expect(onPlan.map((r) => [r.points, r.eventDate])).toEqual([[3, "2026-03-01"]]);
    expect(onPlan[0].detail).toContain("2026-03-10");
  });

  it("a planned start missed by a month costs 3 from the day a month after the plan", async () => {
    const missed = await events(w.leader, { kind: "START_MISSED", earner: "LIAISON" });
    expect(missed.map((r) => [r.projectId, r.points, r.eventDate])).toEqual([[ids.p2, -3, "2026-06-10"]]);
    // P1 started on plan: no START_MISSED.
  });

  it("visits on schedule earn 1 each; every missed interval costs 1", async () => {
    const onSchedule = (await events(w.leader, { kind: "VISIT_ON_SCHEDULE", earner: "LIAISON" })).filter((r) => r.enterpriseId === ids.e3);
    expect(onSchedule.map((r) => [r.eventDate, r.points, r.visitId]).sort()).toEqual(
      [
        ["2026-06-10", 1, ids["visit-2026-06-10"]],
        ["2026-07-05", 1, ids["visit-2026-07-05"]],
        ["2026-11-20", 1, ids["visit-2026-11-20"]],
      ].sort(),
    );
    const overdue = (await events(w.leader, { kind: "VISIT_OVERDUE", earner: "LIAISON" })).filter((r) => r.enterpriseId === ids.e3);
    expect(overdue.map((r) => [r.eventDate, r.points]).sort()).toEqual([
      ["2026-08-05", -1],
      ["2026-10-02", -1],
      ["2026-11-01", -1],
    ]);
    // The unit of an enterprise-level event is the assignment's department.
    const unit = (await events(w.leader, { kind: "VISIT_OVERDUE", earner: "UNIT" })).filter((r) => r.enterpriseId === ids.e3);
    expect(unit.every((r) => r.unit === "招商合作局")).toBe(true);
  });

  it("problems: +2 closed within the deadline with 满意, -2 the day after a deadline passed unclosed", async () => {
    const closed = await events(w.leader, { kind: "ISSUE_CLOSED_ON_TIME", earner: "LIAISON" });
    expect(closed.map((r) => [r.issueId, r.points, r.eventDate])).toEqual([[ids.onTime, 2, "2026-05-10"]]);
    const overdue = await events(w.leader, { kind: "ISSUE_OVERDUE", earner: "LIAISON" });
    expect(overdue.map((r) => [r.issueId, r.points, r.eventDate]).sort()).toEqual(
      [
        [ids.open, -2, "2026-07-01"],
        [ids.late, -2, "2026-08-02"],
      ].sort(),
    );
    const unit = await events(w.leader, { kind: "ISSUE_OVERDUE", earner: "UNIT" });
    expect(unit.every((r) => r.unit === "自然资源局")).toBe(true);
  });

  it("a monthly filing missing or late by its due date costs 1", async () => {
    const missed = (await events(w.leader, { kind: "FILING_MISSED", earner: "LIAISON" })).filter((r) => r.projectId === ids.p1);
    expect(missed.map((r) => r.detail.slice(0, 9)).sort()).toEqual(["2026年7月月报", "2026年8月月报"]);
    expect(missed.every((r) => r.points === -1)).toBe(true);
  });
});

describe("督办函 past their deadline without a reply", () => {
  it("cost 2 the day after the deadline, for the project's people and the letter's unit; a reply on time costs nothing", async () => {
    const rows = await events(w.leader, { kind: "SUPERVISION_OVERDUE" });
    expect(rows.map((r) => [r.supervisionId, r.earner, r.points, r.eventDate]).sort()).toEqual(
      [
        [ids.unanswered, "LIAISON", -2, "2026-10-11"],
        [ids.unanswered, "LEADER", -2, "2026-10-11"],
        [ids.unanswered, "UNIT", -2, "2026-10-11"],
        [ids.lateReply, "LIAISON", -2, "2026-10-13"],
        [ids.lateReply, "LEADER", -2, "2026-10-13"],
        [ids.lateReply, "UNIT", -2, "2026-10-13"],
      ].sort(),
    );
    expect(rows.filter((r) => r.earner === "UNIT").every((r) => r.unit === "住建局")).toBe(true);
    expect(rows.find((r) => r.supervisionId === ids.lateReply)!.issueId).toBe(ids.open);
  });
});

describe("leaderboards add up the events behind them", () => {
  it("a liaison's total is the sum of their events; the park tab sums every earner", async () => {
    for (const period of [{ period: "month", year: 2026, n: 3 }, { period: "quarter", year: 2026, n: 3 }, { period: "year", year: 2026 }]) {
      const board = await getLeaderboard(w.leader, { park: w.park.id, tab: "liaison", ...period }, {}, TODAY);
      const rowA = board.rows.find((r) => r.userId === w.liaisonA.userId)!;
      const list = await listPointEvents(w.leader, { park: w.park.id, earner: "LIAISON", user: w.liaisonA.userId, ...period }, { all: true }, TODAY);
      expect(rowA.total).toBe(list.sum);
      expect(rowA.events).toBe(list.total);
      const parks = await getLeaderboard(w.leader, { park: w.park.id, tab: "park", ...period }, {}, TODAY);
      const all = await listPointEvents(w.leader, { park: w.park.id, ...period }, { all: true }, TODAY);
      expect(parks.rows[0].total).toBe(all.sum);
    }
    // March 2026: started +5 and on plan +3 for A, among others.
    const march = await listPointEvents(w.leader, { park: w.park.id, earner: "LIAISON", user: w.liaisonA.userId, period: "month", year: 2026, n: 3 }, { all: true }, TODAY);
    expect(march.rows.filter((r) => r.projectId === ids.p1 && r.points > 0).map((r) => r.kind).sort()).toEqual(["PROJECT_STARTED", "START_ON_PLAN"]);
  });

  it("a region leader sees the region's parks side by side; another park's leader sees nothing", async () => {
    const region = await getLeaderboard(w.regionLeader, { region: w.regionId, tab: "park", period: "year", year: 2026 }, {}, TODAY);
    expect(region.rows.map((r) => r.parkId).sort()).toEqual([w.park.id, w.otherPark.id].sort());
    expect((await caught(getLeaderboard(w.otherLiaison, { park: w.park.id }, {}, TODAY))).code).toBe("NOT_FOUND");
  });

  it("a liaison sees only their own points, whatever they ask for", async () => {
    const own = await listPointEvents(w.liaisonB, { park: w.park.id, period: "year", year: 2026, user: w.liaisonA.userId }, { all: true }, TODAY);
    expect(own.rows.every((r) => r.userId === w.liaisonB.userId)).toBe(true);
    const mine = await listPointEvents(w.liaisonA, { park: w.park.id, period: "year", year: 2026 }, { all: true }, TODAY);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.userId === w.liaisonA.userId)).toBe(true);
    const board = await getLeaderboard(w.liaisonA, { park: w.park.id, tab: "park", period: "year", year: 2026 }, {}, TODAY);
    expect(board.tab).toBe("liaison");
    expect(board.rows.map((r) => r.userId)).toEqual([w.liaisonA.userId]);
  });
});

describe("rule versions apply from a date forward", () => {
  it("refuses a date before this month, and a liaison or staff member", async () => {
    const e = await caught(setPointRule(w.leader, { parkId: w.park.id, kind: "VISIT_ON_SCHEDULE", earner: "LIAISON", points: 2, effectiveFrom: "2026-10-01" }, TODAY));
    expect(e.code).toBe("VALIDATION");
    expect(e.fieldErrors?.effectiveFrom?.[0]).toContain("生效日期不能早于 2026-11-01");
    expect((await caught(setPointRule(w.staff, { parkId: w.park.id, kind: "VISIT_ON_SCHEDULE", earner: "LIAISON", points: 2, effectiveFrom: "2026-11-01" }, TODAY))).code).toBe("FORBIDDEN");
    const bad = await caught(setPointRule(w.leader, { parkId: w.park.id, kind: "VISIT_ON_SCHEDULE", earner: "LIAISON", points: 1000, effectiveFrom: "2026-11-01" }, TODAY));
    expect(bad.fieldErrors?.points?.[0]).toContain("分值不能大于 100");
  });

  it("a new version changes the points from its date on and leaves earlier periods as they were", async () => {
    const octoberBefore = await getLeaderboard(w.leader, { park: w.park.id, tab: "liaison", period: "month", year: 2026, n: 10 }, {}, TODAY);
    await setPointRule(w.leader, { parkId: w.park.id, kind: "VISIT_ON_SCHEDULE", earner: "LIAISON", points: 2, effectiveFrom: "2026-11-01", note: "加强走访" }, TODAY);
    const visits = (await events(w.leader, { kind: "VISIT_ON_SCHEDULE", earner: "LIAISON" })).filter((r) => r.enterpriseId === ids.e3);
    expect(visits.map((r) => [r.eventDate, r.points]).sort()).toEqual([
      ["2026-06-10", 1],
      ["2026-07-05", 1],
      ["2026-11-20", 2],
    ]);
    const leaderVisits = (await events(w.leader, { kind: "VISIT_ON_SCHEDULE", earner: "LEADER" })).filter((r) => r.eventDate === "2026-11-20");
    expect(leaderVisits.map((r) => r.points)).toEqual([1]);
    const octoberAfter = await getLeaderboard(w.leader, { park: w.park.id, tab: "liaison", period: "month", year: 2026, n: 10 }, {}, TODAY);
    expect(octoberAfter.rows).toEqual(octoberBefore.rows);
    const rules = await getPointRules(w.leader, { parkId: w.park.id }, TODAY);
    const cell = rules.cells.find((c) => c.kind === "VISIT_ON_SCHEDULE" && c.earner === "LIAISON")!;
    expect([cell.points, cell.source]).toEqual([2, "park"]);
    const audit = await getDb().auditLog.findFirst({ where: { action: "points.ruleSet", parkId: w.park.id }, orderBy: { id: "desc" } });
    expect(audit?.actorId).toBe(w.leader.userId);
  });

  it("a region's default applies where the park has no rule of its own, and the park's own wins", async () => {
    await setPointRule(w.regionLeader, { regionId: w.regionId, kind: "VISIT_ON_SCHEDULE", earner: "LIAISON", points: 4, effectiveFrom: "2026-11-15" }, TODAY);
    await setPointRule(w.regionLeader, { regionId: w.regionId, kind: "ISSUE_OVERDUE", earner: "LIAISON", points: -5, effectiveFrom: "2026-11-15" }, TODAY);
    const other = await getPointRules(w.otherLeader, { parkId: w.otherPark.id }, "2026-11-20");
    expect(other.cells.find((c) => c.kind === "ISSUE_OVERDUE" && c.earner === "LIAISON")).toMatchObject({ points: -5, source: "region" });
    const own = await getPointRules(w.leader, { parkId: w.park.id }, "2026-11-20");
    expect(own.cells.find((c) => c.kind === "VISIT_ON_SCHEDULE" && c.earner === "LIAISON")).toMatchObject({ points: 2, source: "park" });
    expect((await caught(setPointRule(w.leader, { regionId: w.regionId, kind: "ISSUE_OVERDUE", earner: "LIAISON", points: -1, effectiveFrom: "2026-12-01" }, TODAY))).code).toBe("FORBIDDEN");
    // A region leader sets the region's default, not a park's own rules.
    expect((await caught(setPointRule(w.regionLeader, { parkId: w.park.id, kind: "ISSUE_OVERDUE", earner: "LIAISON", points: -1, effectiveFrom: "2026-12-01" }, TODAY))).code).toBe("FORBIDDEN");
    expect((await getPointRules(w.regionLeader, { parkId: w.park.id }, TODAY)).canEdit).toBe(false);
    expect((await getPointRules(w.regionLeader, { regionId: w.regionId }, TODAY)).canEdit).toBe(true);
  });
});

describe("manual adjustments", () => {
  it("a park leader adds points with a reason, shown as such and counted", async () => {
    const before = await listPointEvents(w.leader, { park: w.park.id, period: "month", year: 2026, n: 11, earner: "LIAISON", user: w.liaisonA.userId }, { all: true }, TODAY);
    await createPointAdjustment(w.leader, { parkId: w.park.id, earner: "LIAISON", userId: w.liaisonA.userId, date: "2026-11-05", points: 3, reason: "协调解决企业用地问题，获企业书面表扬" });
    const after = await listPointEvents(w.leader, { park: w.park.id, period: "month", year: 2026, n: 11, earner: "LIAISON", user: w.liaisonA.userId }, { all: true }, TODAY);
    expect(after.sum).toBe(before.sum + 3);
    const manual = after.rows.find((r) => r.kind === "MANUAL")!;
    expect(manual).toMatchObject({ points: 3, detail: "协调解决企业用地问题，获企业书面表扬", adjustedByName: expect.any(String), eventDate: "2026-11-05" });
    expect(manual.adjustmentId).toBeGreaterThan(0);
    const audit = await getDb().auditLog.findFirst({ where: { action: "points.adjust", entityId: String(manual.adjustmentId) } });
    expect(audit?.parkId).toBe(w.park.id);
  });

  it("refuses a liaison, zero points, no reason, and someone who does not work in the park", async () => {
    const base = { parkId: w.park.id, earner: "LIAISON", userId: w.liaisonA.userId, date: "2026-11-05", points: -2, reason: "未按要求报送材料" };
    expect((await caught(createPointAdjustment(w.liaisonA, base))).code).toBe("FORBIDDEN");
    expect((await caught(createPointAdjustment(w.leader, { ...base, points: 0 }))).fieldErrors?.points?.[0]).toBe("分值不能为 0");
    expect((await caught(createPointAdjustment(w.leader, { ...base, reason: " " }))).fieldErrors?.reason?.[0]).toBe("请填写理由");
    expect((await caught(createPointAdjustment(w.leader, { ...base, userId: w.otherLiaison.userId }))).fieldErrors?.userId?.[0]).toBe("所选人员不在本园区工作");
    expect((await caught(createPointAdjustment(w.leader, { ...base, earner: "UNIT", userId: null }))).fieldErrors?.unit?.[0]).toBe("请填写责任单位");
  });
});

describe("periods from the URL", () => {
  it("a month number with a quarter means the quarter it falls in; a running period counts up to today", async () => {
    const q = await getLeaderboard(w.leader, { park: w.park.id, period: "quarter", year: 2026, n: 11 }, {}, TODAY);
    expect([q.scope.period.n, q.scope.periodLabel, q.scope.counted]).toEqual([4, "2026年第四季度", { from: "2026-10-01", to: TODAY }]);
    const future = await getLeaderboard(w.leader, { park: w.park.id, period: "month", year: 2026, n: 12 }, {}, TODAY);
    expect([future.scope.counted, future.rows]).toEqual([null, []]);
    const bad = await caught(listPointEvents(w.leader, { park: w.park.id, period: "week" }, {}, TODAY));
    expect(bad.message).toContain("统计周期须为");
  });
});

describe("Excel export", () => {
  async function sheetOf(raw: Record<string, unknown>, locale: "zh-CN" | "en" = "zh-CN"): Promise<{ fileName: string; rows: unknown[][]; name: string }> {
    const job = await exportPoints(w.leader, raw, TODAY, locale);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await jobBytes(job)) as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { fileName: job.fileName, rows, name: wb.worksheets[0].name };
  }

  it("the ranking and the events behind it, as the pages show them", async () => {
    const query = { park: String(w.park.id), period: "year", year: "2026", tab: "liaison" };
    const board = await getLeaderboard(w.leader, query, {}, TODAY);
    const xlsx = await sheetOf(query);
    expect(xlsx.fileName).toBe("积分排行-包保责任人-2026年.xlsx");
    const rowA = xlsx.rows.find((r) => r[1] === board.rows.find((b) => b.userId === w.liaisonA.userId)!.name)!;
    expect(rowA[5]).toBe(board.rows.find((b) => b.userId === w.liaisonA.userId)!.total);
    const events = await sheetOf({ ...query, view: "events", earner: "LIAISON", user: String(w.liaisonA.userId), kind: "MANUAL" });
    expect(events.rows.some((r) => r[1] === "人工加减分" && r[2] === 3 && String(r[9]).startsWith("协调解决企业用地问题"))).toBe(true);
  });

  it("in English on request: sheet, title, headers, ranking type, points items and earners; the same names and points", async () => {
    // The Chinese words are the ones the export always wrote (the domain's labels).
    const zhWords = MESSAGES["zh-CN"].points;
    expect(Object.entries(zhWords.export.boardColumns)).toEqual(POINTS_BOARD_COLUMNS.map((c) => [c.key, c.header]));
    expect(Object.entries(zhWords.export.parkColumns)).toEqual(POINTS_PARK_COLUMNS.map((c) => [c.key, c.header]));
    expect(Object.entries(zhWords.export.eventColumns)).toEqual(POINTS_EVENT_COLUMNS.map((c) => [c.key, c.header]));
    expect(zhWords.tab).toEqual(BOARD_TAB_LABELS);
    expect(zhWords.earner).toEqual(POINT_EARNER_LABELS);
    expect(zhWords.kind).toEqual(Object.fromEntries([...POINT_KINDS.map((k) => [k, pointKindLabel(k)]), ["MANUAL", MANUAL_LABEL]]));
    const HAN = /\p{Script=Han}/u;
    const parkName = (await getDb().park.findUniqueOrThrow({ where: { id: w.park.id } })).name;

    const query = { park: String(w.park.id), period: "quarter", year: "2026", n: "1", tab: "liaison" };
    const zh = await sheetOf(query);
    expect(zh.name).toBe("积分排行");
    expect(zh.rows[0][0]).toBe(`积分排行（包保责任人）· ${parkName} · 2026年第一季度`);
    expect(zh.rows[2]).toEqual(POINTS_BOARD_COLUMNS.map((c) => c.header));
    const en = await sheetOf(query, "en");
    expect(en.fileName).toBe("points-ranking-Liaison-Q1 2026.xlsx");
    expect(en.name).toBe("Points ranking");
    expect(en.rows[0][0]).toBe(`Points ranking (Liaison) · ${parkName} · Q1 2026`);
    expect(String(en.rows[1][0])).toMatch(/^Exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Beijing time\) by .+$/);
    expect(en.rows[2]).toEqual(["Rank", "Name", "Park", "Bonus", "Deduction", "Total", "Items"]);
    expect(en.rows.slice(3)).toEqual(zh.rows.slice(3));

    const parks = { park: String(w.park.id), period: "year", year: "2026", tab: "park" };
    const zhParks = await sheetOf(parks);
    const enParks = await sheetOf(parks, "en");
    expect(zhParks.fileName).toBe("积分排行-园区-2026年.xlsx");
    expect(enParks.fileName).toBe("points-ranking-Park-2026.xlsx");
    expect(enParks.rows[2]).toEqual(["Rank", "Park", "Liaison points", "Liaison leader points", "Responsible unit points", "Bonus", "Deduction", "Total"]);
    expect(enParks.rows.slice(3)).toEqual(zhParks.rows.slice(3));

    const all = { period: "year", year: "2026", view: "events" };
    const zhEvents = await sheetOf(all);
    const enEvents = await sheetOf(all, "en");
    expect(zhEvents.fileName).toBe("积分明细-2026年.xlsx");
    expect(enEvents.fileName).toBe("points-in-detail-2026.xlsx");
    expect(String(zhEvents.rows[0][0])).toMatch(/^积分明细 · 全部可见园区 · 2026年（合计 -?\d+ 分）$/);
    expect(String(enEvents.rows[0][0])).toMatch(/^Points in detail · All visible parks · 2026 \(net total -?\d+\)$/);
    expect(String(enEvents.rows[0][0]).match(/-?\d+\)$/)![0]).toBe(String(zhEvents.rows[0][0]).match(/-?\d+ 分/)![0].replace(" 分", ")"));
    expect(enEvents.name).toBe("Points in detail");
    expect(enEvents.rows[2].join("|")).not.toMatch(HAN);
    const zhRows = zhEvents.rows.slice(3);
    const enRows = enEvents.rows.slice(3);
    expect(enRows).toHaveLength(zhRows.length);
    expect(zhRows.length).toBeGreaterThan(0);
    const kindEn = new Map(Object.keys(zhWords.kind).map((k) => [zhWords.kind[k as "MANUAL"], MESSAGES.en.points.kind[k as "MANUAL"]]));
    const earnerEn = new Map(Object.keys(zhWords.earner).map((k) => [zhWords.earner[k as "LIAISON"], MESSAGES.en.points.earner[k as "LIAISON"]]));
    zhRows.forEach((r, i) => {
      expect(enRows[i][1]).toBe(kindEn.get(String(r[1])));
      expect(enRows[i][3]).toBe(earnerEn.get(String(r[3])));
      // Date, points, person, park, project, enterprise, request code: the same cells.
      for (const c of [0, 2, 4, 5, 6, 7, 8]) expect(enRows[i][c]).toEqual(r[c]);
      if (r[1] === MANUAL_LABEL) expect(String(enRows[i][9])).toMatch(/ \(entered by .*\)$/);
    });
    expect(enRows.some((r) => r[1] === "Manual bonus/deduction" && String(r[9]).startsWith("协调解决企业用地问题"))).toBe(true);

    session.actor = w.leader;
    const url = `http://localhost/api/export/points?park=${w.park.id}&period=year&year=2026&tab=park`;
    const refused = await pointsRoute.GET(new Request(`${url}&lang=fr`));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("导出语言 lang 须为 zh-CN 或 en");
    const download = await pointsRoute.GET(new Request(`${url}&lang=en`));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("points-ranking-Park-2026.xlsx");
    await download.arrayBuffer();
    session.actor = null;
  });
});

describe("积分考核 in the monthly bulletin", () => {
  it("is added when asked for (the points pages' figures), in the Excel, and frozen when the bulletin is published", async () => {
    const params = { month: { year: 2026, month: 3 }, park: w.park.id, rank: "investmentYear" as const };
    expect((await getBulletin(w.leader, params, TODAY)).points).toBeUndefined();
    const b = await getBulletin(w.leader, { ...params, points: true }, TODAY);
    const parks = await getLeaderboard(w.leader, { park: w.park.id, tab: "park", period: "month", year: 2026, n: 3 }, { all: true }, TODAY);
    const liaisons = await getLeaderboard(w.leader, { park: w.park.id, tab: "liaison", period: "month", year: 2026, n: 3 }, {}, TODAY);
    expect(b.points?.periodLabel).toBe(parks.scope.periodLabel);
    expect(b.points?.parks.map((r) => [r.parkId, r.total])).toEqual(parks.rows.map((r) => [r.parkId, r.total]));
    expect(b.points?.liaisons.map((r) => [r.userId, r.total])).toEqual(liaisons.rows.slice(0, 10).map((r) => [r.userId, r.total]));
    expect(b.points?.liaisons.some((r) => r.userId === w.liaisonA.userId)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinWorkbook(b)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("积分考核")!;
    expect(sheet.getRow(1).getCell(1).value).toContain("积分考核");
    expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(["排名", "园区", "合计"]));
    expect(sheet.getRow(5).getCell(3).value).toBe(parks.rows[0].total);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await bulletinWorkbook(b, { locale: "en" })) as unknown as ArrayBuffer);
    const enSheet = en.getWorksheet("Points assessment")!;
    expect(String(enSheet.getRow(1).getCell(1).value)).toMatch(/ · Mar 2026 · Points assessment \(Mar 2026\)$/);
    expect((enSheet.getRow(4).values as unknown[]).slice(1)).toEqual(["Rank", "Park", "Total", "Bonus", "Deduction", "Liaison points", "Liaison leader points", "Responsible unit points", "Points items"]);
    expect(enSheet.getRow(5).getCell(3).value).toBe(parks.rows[0].total);
    const liaisonLine = enSheet.getRows(1, enSheet.rowCount)!.find((r) => String(r.getCell(1).value).startsWith("Top "))!;
    expect(liaisonLine.getCell(1).value).toBe(`Top ${b.points!.liaisons.length} liaisons by points (people with points: ${b.points!.liaisonTotal})`);
    expect(sheet.getRows(1, sheet.rowCount)!.some((r) => r.getCell(1).value === `包保责任人积分前 ${b.points!.liaisons.length} 名（共 ${b.points!.liaisonTotal} 人有积分）`)).toBe(true);

    const { id } = await publishBulletin(w.leader, { park: w.park.id, month: "2026-03", points: true }, TODAY);
    const published = await getPublishedBulletin(w.leader, id);
    expect(published.content.points).toEqual(JSON.parse(JSON.stringify(b.points)));
    // A bad flag is refused by name.
    expect((await caught(publishBulletin(w.leader, { park: w.park.id, month: "2026-04", points: "yes" }, TODAY))).message).toContain("附积分考核");
  });
});
