import "server-only";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { type Period, currentPeriod, periodCountedRange, periodLabel, periodRange } from "@/lib/domain/points";
import { type PointsQuery, pointsQuerySchema } from "@/lib/validation/points";
import { assertCan } from "@/lib/server/actor";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";

export interface PointsScope {
  query: PointsQuery;
  period: Period;
  periodLabel: string;
  /** The period's days (inclusive). */
  range: { from: string; to: string };
  /** Where events are counted: the period up to today; null before it begins. */
  counted: { from: string; to: string } | null;
  parkIds: number[];
  /** Everyone's points (leaders, staff, admins) or only the actor's own (a liaison). */
  full: boolean;
  scopeName: string;
}

/**
 * The parks and period of a points page or export. Leaders and staff (dashboard.read) see every
 * earner of the parks; a liaison only their own points (`user` forced to themselves), so a
 * liaison never reads another person's score.
 */
export async function resolvePointsScope(actor: Actor, raw: unknown, today = todayInShanghai()): Promise<PointsScope> {
  const query = parseOrThrow(pointsQuerySchema, raw);
  const db = getDb();
  let parkIds: number[];
  let scopeName = "全部可见园区";
  let full = true;
  if (query.park) {
    if (!actor.parkRoles.has(query.park)) throw notFound("园区");
    full = parksWith(actor, "dashboard.read").includes(query.park);
    if (!full) assertCan(actor, "park.read", query.park, "园区");
    parkIds = [query.park];
    scopeName = (await db.park.findUnique({ where: { id: query.park }, select: { name: true } }))?.name ?? "";
  } else if (query.region) {
    const region = await db.region.findUnique({ where: { id: query.region }, select: { name: true, parks: { select: { id: true } } } });
    const readable = parksWith(actor, "dashboard.read");
    parkIds = (region?.parks ?? []).map((p) => p.id).filter((id) => readable.includes(id));
    if (!region || parkIds.length === 0) throw notFound("市州");
    scopeName = region.name;
  } else {
    parkIds = parksWith(actor, "dashboard.read");
    if (parkIds.length === 0) {
      full = false;
      parkIds = parksWith(actor, "park.read");
      scopeName = "本人所在园区";
    }
    if (parkIds.length === 0) throw new AppError("NOT_FOUND", "没有可查看的园区");
  }
  if (!full) query.user = actor.userId;
  const cur = currentPeriod(query.period, today);
  const asked = query.n === undefined ? undefined : query.period === "quarter" && query.n > 4 ? Math.ceil(query.n / 3) : query.n;
  const period: Period = { type: query.period, year: query.year ?? cur.year, n: query.period === "year" ? 1 : (asked ?? (query.year === undefined || query.year === cur.year ? cur.n : 1)) };
  return {
    query,
    period,
    periodLabel: periodLabel(period),
    range: periodRange(period),
    counted: periodCountedRange(period, today),
    parkIds,
    full,
    scopeName,
  };
}

/** The parks and regions a points page offers in its filter: where the actor reads figures (or, a liaison, works). */
export async function listPointScopes(actor: Actor): Promise<{ parks: { id: number; name: string }[]; regions: { id: number; name: string }[] }> {
  let ids = parksWith(actor, "dashboard.read");
  const full = ids.length > 0;
  if (!full) ids = parksWith(actor, "park.read");
  const parks = await getDb().park.findMany({
    where: { id: { in: ids }, archivedAt: null },
    select: { id: true, name: true, region: { select: { id: true, name: true } } },
    orderBy: [{ regionId: "asc" }, { id: "asc" }],
  });
  const regions = new Map<number, string>();
  if (full) for (const p of parks) regions.set(p.region.id, p.region.name);
  return { parks: parks.map((p) => ({ id: p.id, name: p.name })), regions: [...regions].map(([id, name]) => ({ id, name })) };
}
