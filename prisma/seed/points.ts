// 积分考核 demo: a region default and a few of 怀化高新区's own rule versions (so the rules page
// shows where each comes from and a change from a date), and one 人工加分 with its reason.
// Points themselves are never written: the app computes them from the demo record.
// Idempotent: nothing is written when the park already has a rule or an adjustment.
import type { Db } from "../../lib/db/client";
import { type Day, toDate } from "./dates";

const DAY = 86_400_000;

function firstOfMonth(day: Day, monthsBack: number): Day {
  const d = new Date(day * DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1) / DAY);
}

export async function ensurePointsDemo(
  db: Db,
  ids: { regionIds: Map<string, number>; parkIds: Map<string, number>; userIds: Map<string, number> },
  today: Day,
): Promise<number> {
  const regionId = ids.regionIds.get("HH");
  const parkId = ids.parkIds.get("HHGX");
  const leader = ids.userIds.get("leader_hhgx");
  const regionLeader = ids.userIds.get("region_hh");
  const liaison = ids.userIds.get("liaison_hhgx");
  if (!regionId || !parkId || !leader || !regionLeader || !liaison) return 0;
  const existing = await db.pointRule.count({ where: { OR: [{ parkId }, { regionId }] } });
  if (existing > 0 || (await db.pointAdjustment.count({ where: { parkId } })) > 0) return 0;
  const yearStart = Math.floor(Date.UTC(new Date(today * DAY).getUTCFullYear(), 0, 1) / DAY);
  const region = (kind: string, earner: "LIAISON" | "LEADER" | "UNIT", points: number, from: Day, note: string) => ({
    scopeKey: `region:${regionId}`, parkId: null, regionId, kind, earner, points, effectiveFrom: toDate(from), note, createdById: regionLeader,
    createdAt: toDate(from),
  });
  const park = (kind: string, earner: "LIAISON" | "LEADER" | "UNIT", points: number, from: Day, note: string) => ({
    scopeKey: `park:${parkId}`, parkId, regionId: null, kind, earner, points, effectiveFrom: toDate(from), note, createdById: leader,
    createdAt: toDate(from),
  });
  const rules = await db.pointRule.createMany({
    data: [
      region("FILING_MISSED", "LIAISON", -2, yearStart, "全市月报按时填报专项考核"),
      region("FILING_MISSED", "UNIT", -2, yearStart, "全市月报按时填报专项考核"),
      park("PROJECT_STARTED", "LIAISON", 6, firstOfMonth(today, 3), "四季度开工攻坚"),
      park("VISIT_ON_SCHEDULE", "LEADER", 0, yearStart, "包保领导不计走访分"),
      park("ISSUE_OVERDUE", "LIAISON", -3, firstOfMonth(today, 0), "诉求逾期加重扣分"),
    ],
  });
  await db.pointAdjustment.create({
    data: {
      parkId, earner: "LIAISON", userId: liaison, date: toDate(today - 10), points: 3,
      reason: "协调解决企业用地报批问题，获企业书面表扬", createdById: leader, createdAt: toDate(today - 9),
    },
  });
  return rules.count + 1;
}
