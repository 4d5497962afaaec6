import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import {
  POINT_EARNERS,
  POINT_KINDS,
  type PointEarner,
  type PointKind,
  type RuleInterval,
  earliestEffectiveDate,
  effectiveDateProblem,
  resolveRuleIntervals,
  ruleOn,
} from "@/lib/domain/points";
import { pointRuleSchema } from "@/lib/validation/points";
import { assertCan } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";
import { loadRuleIntervals } from "./points-sql";

export interface RuleVersionRow {
  id: number;
  kind: string;
  earner: PointEarner;
  points: number;
  effectiveFrom: string;
  note: string | null;
  level: "park" | "region";
  createdByName: string;
  createdAt: Date;
}

export interface RuleCell {
  kind: PointKind;
  earner: PointEarner;
  /** In effect today. */
  points: number;
  source: RuleInterval["source"];
  /** A version that takes effect after today, if any. */
  next: { points: number; from: string } | null;
}

export interface PointRulesView {
  scope: { parkId: number | null; regionId: number | null; name: string };
  cells: RuleCell[];
  versions: RuleVersionRow[];
  canEdit: boolean;
  earliestEffective: string;
}

/** Whether the actor sets a park's own rules: its park leaders and administrators (a region leader sets the region's default instead). */
function leadsPark(actor: Actor, parkId: number): boolean {
  if (!parksWith(actor, "points.manage").includes(parkId)) return false;
  return actor.isAdmin || (actor.parkRoles.get(parkId) ?? []).includes("PARK_LEADER");
}

/** Whether the actor sets a region's defaults: an administrator, or a region leader of that region. */
async function leadsRegion(actor: Actor, regionId: number): Promise<boolean> {
  if (actor.isAdmin) return true;
  if (actor.grants && !actor.grants.includes("points.manage")) return false;
  const m = await getDb().membership.findFirst({ where: { userId: actor.userId, role: "REGION_LEADER", regionId }, select: { id: true } });
  return m !== null;
}

/**
 * The rule table of a park (what applies today, where it comes from, the next scheduled change)
 * or of a region's defaults, with every version ever set. Anyone working in the park reads it.
 */
export async function getPointRules(actor: Actor, target: { parkId?: number; regionId?: number }, today = todayInShanghai()): Promise<PointRulesView> {
  const db = getDb();
  let name: string;
  let canEdit: boolean;
  let intervals: RuleInterval[];
  if (target.parkId) {
    assertCan(actor, "park.read", target.parkId, "园区");
    const park = await db.park.findUnique({ where: { id: target.parkId }, select: { name: true, regionId: true } });
    if (!park) throw notFound("园区");
    name = park.name;
    canEdit = leadsPark(actor, target.parkId);
    intervals = await loadRuleIntervals(db, [target.parkId]);
  } else if (target.regionId) {
    const region = await db.region.findUnique({ where: { id: target.regionId }, select: { name: true, parks: { select: { id: true } } } });
    if (!region || !region.parks.some((p) => actor.parkRoles.has(p.id))) throw notFound("市州");
    name = `${region.name}（市州默认）`;
    canEdit = await leadsRegion(actor, target.regionId);
    // A region's own table: its defaults over the built-in ones (no park's own rules).
    const rows = await db.pointRule.findMany({ where: { regionId: target.regionId, parkId: null } });
    intervals = resolveRuleIntervals(0, rows.map((r) => ({ level: "region" as const, kind: r.kind, earner: r.earner, points: r.points, effectiveFrom: dateToIso(r.effectiveFrom) })));
  } else {
    throw new AppError("VALIDATION", "请选择园区或市州", { parkId: ["请选择园区或市州"] });
  }
  const cells: RuleCell[] = [];
  for (const kind of POINT_KINDS) {
    for (const earner of POINT_EARNERS) {
      const now = ruleOn(intervals, kind, earner, today)!;
      const later = intervals.find((r) => r.kind === kind && r.earner === earner && r.from > today);
      cells.push({ kind, earner, points: now.points, source: now.source, next: later ? { points: later.points, from: later.from } : null });
    }
  }
  const regionId = target.regionId ?? (await db.park.findUnique({ where: { id: target.parkId! }, select: { regionId: true } }))!.regionId;
  const rows = await db.pointRule.findMany({
    where: target.parkId ? { OR: [{ parkId: target.parkId }, { regionId, parkId: null }] } : { regionId, parkId: null },
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ effectiveFrom: "desc" }, { id: "desc" }],
    take: 500,
  });
  return {
    scope: { parkId: target.parkId ?? null, regionId: target.regionId ?? null, name },
    cells,
    versions: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      earner: r.earner,
      points: r.points,
      effectiveFrom: dateToIso(r.effectiveFrom),
      note: r.note,
      level: r.parkId === null ? "region" : "park",
      createdByName: r.createdBy.name,
      createdAt: r.createdAt,
    })),
    canEdit,
    earliestEffective: earliestEffectiveDate(today),
  };
}

/**
 * Sets one rule from a date on (a new version; the same date again replaces that version's
 * points). The date may not be before this month: points of past months never change.
 * A park leader sets their park's rules, a region leader the region's defaults. Audited.
 */
export async function setPointRule(actor: Actor, raw: unknown, today = todayInShanghai()) {
  const input = parseOrThrow(pointRuleSchema, raw);
  const problem = effectiveDateProblem(input.effectiveFrom, today);
  if (problem) throw new AppError("VALIDATION", problem, { effectiveFrom: [problem] });
  const db = getDb();
  let scopeKey: string;
  let auditPark: number | null = null;
  if (input.parkId) {
    assertCan(actor, "points.manage", input.parkId, "园区");
    if (!leadsPark(actor, input.parkId)) throw forbidden("设置园区积分规则（市州领导设置市州默认规则）");
    await assertParkOpen(db, input.parkId);
    scopeKey = `park:${input.parkId}`;
    auditPark = input.parkId;
  } else {
    const region = await db.region.findUnique({ where: { id: input.regionId! }, select: { id: true, parks: { select: { id: true } } } });
    if (!region || !(actor.isAdmin || region.parks.some((p) => actor.parkRoles.has(p.id)))) throw notFound("市州");
    if (!(await leadsRegion(actor, region.id))) throw forbidden("设置市州默认积分规则");
    scopeKey = `region:${region.id}`;
  }
  return db.$transaction(async (tx) => {
    const key = { scopeKey, kind: input.kind, earner: input.earner, effectiveFrom: isoToDate(input.effectiveFrom) };
    const before = await tx.pointRule.findUnique({ where: { scopeKey_kind_earner_effectiveFrom: key } });
    const rule = before
      ? await tx.pointRule.update({ where: { id: before.id }, data: { points: input.points, note: input.note, createdById: actor.userId } })
      : await tx.pointRule.create({
          data: { ...key, parkId: input.parkId ?? null, regionId: input.parkId ? null : input.regionId!, points: input.points, note: input.note, createdById: actor.userId },
        });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "points.ruleSet",
      entityType: "PointRule",
      entityId: rule.id,
      parkId: auditPark,
      before: before ? { points: before.points, note: before.note } : undefined,
      after: { scope: scopeKey, kind: input.kind, earner: input.earner, points: input.points, effectiveFrom: input.effectiveFrom, note: input.note },
    });
    return { id: rule.id };
  });
}
