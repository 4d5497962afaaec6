import "server-only";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorChange, type RankedPark, compareIndicators, honourLists, rankParks } from "@/lib/domain/bulletin";
import { type YearMonth, previousMonth } from "@/lib/domain/filing";
import { type IndicatorKey, type IndicatorCounts, type IndicatorPeriod, computeIndicators, dueAsOf, timeProgress } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { type ParkRankingRow, rankingParks, toParkRanking } from "@/lib/server/metrics/get-park-ranking";
import { type CountsRow, countsOf, queryCountsByPeriod, scopeParkIds } from "@/lib/server/metrics/indicator-sql";
import { type OverdueProblems, getOverdueProblems } from "@/lib/server/metrics/get-overdue-problems";
import { type RedProjectRow, listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { supervisionCountsByPark } from "@/lib/server/supervision/open-supervisions";
import { getLeaderboard } from "@/lib/server/points/get-leaderboard";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import type { BulletinParams } from "@/lib/validation/bulletin";
import { ALL_PARKS_SCOPE } from "@/lib/domain/published-bulletins";

/** The bulletin lists this many red projects and overdue problems; the totals are always whole. */
export const BULLETIN_LIST_LIMIT = 100;

export interface BulletinRankRow extends RankedPark<ParkRankingRow> {
  /** The park's rank last month by the same indicator (null: unranked then). */
  previousRank: number | null;
}

export interface Bulletin {
  month: YearMonth;
  previous: YearMonth;
  /** The days the month's and the previous month's figures are taken as of (their last days, or today if earlier). */
  asOf: string;
  previousAsOf: string;
  scopeName: string;
  rankKey: IndicatorKey;
  generatedAt: string;
  counts: IndicatorCounts;
  previousCounts: IndicatorCounts;
  indicators: IndicatorChange[];
  timeProgress: number;
  ranking: BulletinRankRow[];
  red: BulletinRankRow[];
  black: BulletinRankRow[];
  /** The red list as it stood on `asOf` (lights, stage and status of that day). */
  redProjects: { total: number; rows: RedProjectRow[] };
  overdue: OverdueProblems;
  /** 督办 letters of the scope's parks not yet 销号, and those awaiting a reply past their deadline (today). Absent in bulletins published before it. */
  supervision?: { open: number; overdue: number };
  /** 积分考核 of the month, when asked for (BulletinParams.points); frozen with the bulletin when published. */
  points?: BulletinPoints;
}

/** How many liaisons the bulletin's points section lists (the parks are all listed). */
export const BULLETIN_POINTS_LIAISONS = 10;

export interface BulletinPoints {
  /** E.g. 2026年10月. */
  periodLabel: string;
  /** Every park of the scope by its month's points (ties share a rank). */
  parks: { rank: number; parkId: number; name: string; plus: number; minus: number; total: number; events: number; liaisonPoints: number; leaderPoints: number; unitPoints: number }[];
  /** The top BULLETIN_POINTS_LIAISONS 包保责任人 of the scope by the month's points. */
  liaisons: { rank: number; userId: number; name: string; parkNames: string; plus: number; minus: number; total: number; events: number }[];
  /** How many liaisons earned points in the month. */
  liaisonTotal: number;
}

/** The month's points leaderboards of the bulletin's scope (the points pages' own SQL). */
async function bulletinPoints(actor: Actor, p: BulletinParams, today: string): Promise<BulletinPoints> {
  const query = { period: "month", year: String(p.month.year), n: String(p.month.month), park: p.park ? String(p.park) : undefined, region: p.region ? String(p.region) : undefined };
  const [parks, liaisons] = await Promise.all([
    getLeaderboard(actor, { ...query, tab: "park" }, { all: true }, today),
    getLeaderboard(actor, { ...query, tab: "liaison" }, {}, today),
  ]);
  return {
    periodLabel: parks.scope.periodLabel,
    parks: parks.rows.map((r) => ({
      rank: r.rank,
      parkId: r.parkId!,
      name: r.name,
      plus: r.plus,
      minus: r.minus,
      total: r.total,
      events: r.events,
      liaisonPoints: r.liaisonPoints,
      leaderPoints: r.leaderPoints,
      unitPoints: r.unitPoints,
    })),
    liaisons: liaisons.rows.slice(0, BULLETIN_POINTS_LIAISONS).map((r) => ({ rank: r.rank, userId: r.userId!, name: r.name, parkNames: r.parkNames, plus: r.plus, minus: r.minus, total: r.total, events: r.events })),
    liaisonTotal: liaisons.total,
  };
}

function scopeOf(p: BulletinParams, m: YearMonth): IndicatorScope {
  return { park: p.park, region: p.region, year: m.year, through: m.month, cohort: m.year };
}

/**
 * The scope the title names: the park or region asked for; without one, what the reader
 * sees: 全部园区 for an administrator, else the one park, or the one region all the parks
 * are in, or the regions' names.
 */
async function scopeName(actor: Actor, p: BulletinParams): Promise<string> {
  if (p.park) return (await getDb().park.findUnique({ where: { id: p.park }, select: { name: true } }))?.name ?? "";
  if (p.region) return (await getDb().region.findUnique({ where: { id: p.region }, select: { name: true } }))?.name ?? "";
  if (actor.roles.includes("ADMIN")) return ALL_PARKS_SCOPE;
  const { parks, regions } = await listDashboardScopes(actor);
  if (parks.length === 1) return parks[0].name;
  return regions.map((r) => r.name).join("、") || ALL_PARKS_SCOPE;
}

/** The headline and per-park figures of the month and the month before, in one statement (queryCountsByPeriod). */
async function bothMonths(actor: Actor, parkIds: number[], current: IndicatorScope, before: IndicatorScope, today: string) {
  const periods = [current, before].map((s) => ({ year: s.year, through: s.through, cohort: s.cohort }));
  const [[nowRows, thenRows], parks] = await Promise.all([queryCountsByPeriod(actor, parkIds, periods, today, ["none", "park"]), rankingParks(parkIds)]);
  const headline = (rows: CountsRow[], p: IndicatorPeriod) => {
    const counts = countsOf(rows.find((r) => r.dim === "none")!);
    return { asOf: dueAsOf(p, today), counts, indicators: computeIndicators(counts, p.through), timeProgress: timeProgress(p.through) };
  };
  return [
    headline(nowRows, periods[0]),
    headline(thenRows, periods[1]),
    toParkRanking(nowRows, parks, periods[0].through),
    toParkRanking(thenRows, parks, periods[1].through),
  ] as const;
}

/**
 * The monthly bulletin (月度通报) for a month and scope: the indicators for January..month
 * of that year (cohort = that year's signings) as of the month's last day, against the same
 * figures of the month before as of ITS last day (so 比上月 and 上月排名 move when projects
 * start, produce or are terminated within the month); the parks ranked by `rank` with
 * 红榜/黑榜 and last month's rank; the red list (督办) as it stood on the month's last day;
 * and the overdue problems, as of today (they are the open work now). Every figure comes
 * from the dashboard's own SQL functions, so the bulletin and the dashboard agree; both
 * months' headline and per-park counts are one statement (bothMonths).
 * "dashboard.read" in the scope, checked by those functions (another park's scope is
 * NOT_FOUND).
 */
export async function getBulletin(actor: Actor, params: BulletinParams, today = todayInShanghai()): Promise<Bulletin> {
  const prev = previousMonth(params.month);
  const current = scopeOf(params, params.month);
  const before = scopeOf(params, prev);
  // The scope check runs first, so a park or region outside the actor's reach fails before any other query.
  const parkIds = await scopeParkIds(actor, current);
  // Both months' headline and per-park figures in one statement of the figures rollup.
  // The 督办 letters of the scope's parks (the ranking's parks are the scope's) with the rest, not after it.
  const [[now, then, ranking, previousRanking], redProjects, overdue, name, points, letters] = await Promise.all([
    bothMonths(actor, parkIds, current, before, today),
    listRedProjects(actor, { parkId: params.park, regionId: params.region }, { page: 1, pageSize: BULLETIN_LIST_LIMIT }, dueAsOf(current, today)),
    getOverdueProblems(actor, current, today, BULLETIN_LIST_LIMIT),
    scopeName(actor, params),
    params.points ? bulletinPoints(actor, params, today) : undefined,
    supervisionCountsByPark(parkIds, today),
  ]);
  const lastRanks = new Map(rankParks(previousRanking, params.rank).map((r) => [r.row.parkId, r.rank]));
  const ranked: BulletinRankRow[] = rankParks(ranking, params.rank).map((r) => ({ ...r, previousRank: lastRanks.get(r.row.parkId) ?? null }));
  const { red, black } = honourLists(ranked);
  const supervision = { open: 0, overdue: 0 };
  for (const c of letters.values()) {
    supervision.open += c.open;
    supervision.overdue += c.overdue;
  }
  return {
    month: params.month,
    previous: prev,
    asOf: now.asOf,
    previousAsOf: then.asOf,
    scopeName: name,
    rankKey: params.rank,
    generatedAt: new Date().toISOString(),
    counts: now.counts,
    previousCounts: then.counts,
    indicators: compareIndicators(now.indicators, then.indicators),
    timeProgress: now.timeProgress,
    ranking: ranked,
    red,
    black,
    redProjects: { total: redProjects.total, rows: redProjects.rows },
    overdue,
    supervision,
    ...(points ? { points } : {}),
  };
}
