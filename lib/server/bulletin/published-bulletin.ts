import "server-only";
// Reading published bulletins (定稿通报, docs/bulletins.md): one with its frozen content and
// figures, the list per scope (paged in SQL), and the current version of a month and scope.
// A published bulletin is read by whoever reads the dashboard of every park it covered
// (the same rule as the live bulletin of that scope); others get NOT_FOUND.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type YearMonth } from "@/lib/domain/filing";
import type { Metric } from "@/lib/domain/indicators";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { type BulletinScope, bulletinScopeKey, publishRefusal } from "@/lib/domain/published-bulletins";
import { publishedBulletinListSchema } from "@/lib/validation/published-bulletins";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import type { Bulletin } from "./get-bulletin";
import type { CorrectionNotes } from "./bulletin-corrections";

export const PUBLISHED_CONTENT_VERSION = 1;

/** What a published bulletin froze: the bulletin as the page showed it, and its 更正说明. */
export interface PublishedContent extends Bulletin {
  contentVersion: number;
  corrections: CorrectionNotes;
}

/** A published bulletin's facts, without the content (list rows, notices). */
export interface PublishedMeta {
  id: number;
  scope: BulletinScope;
  scopeName: string;
  year: number;
  month: number;
  revision: number;
  rankKey: string;
  parkIds: number[];
  publishedAt: string;
  publishedBy: { id: number; name: string };
  /** Set on a corrected version: the one it replaced, and why. */
  supersedes: { id: number; revision: number } | null;
  correctionReason: string | null;
  /** Set once a corrected version replaced this one. */
  supersededBy: { id: number; revision: number; publishedAt: string; correctionReason: string | null } | null;
}

export interface PublishedBulletin extends PublishedMeta {
  content: PublishedContent;
  /** Per figure (drill-down metric), the ids of the projects it counted. */
  figures: Partial<Record<Metric, number[]>>;
  /** May the reader publish a corrected version of it (the newest version, and the scope's publisher)? */
  canSupersede: boolean;
}

const META_SELECT = {
  id: true,
  parkId: true,
  regionId: true,
  scopeName: true,
  year: true,
  month: true,
  revision: true,
  rankKey: true,
  parkIds: true,
  publishedAt: true,
  correctionReason: true,
  publishedBy: { select: { id: true, name: true } },
  supersedes: { select: { id: true, revision: true } },
  supersededBy: { select: { id: true, revision: true, publishedAt: true, correctionReason: true } },
} as const satisfies Prisma.PublishedBulletinSelect;

type MetaRow = Prisma.PublishedBulletinGetPayload<{ select: typeof META_SELECT }>;

function toMeta(r: MetaRow): PublishedMeta {
  return {
    id: r.id,
    scope: r.parkId !== null ? { park: r.parkId } : { region: r.regionId! },
    scopeName: r.scopeName,
    year: r.year,
    month: r.month,
    revision: r.revision,
    rankKey: r.rankKey,
    parkIds: r.parkIds,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
    supersedes: r.supersedes,
    correctionReason: r.correctionReason,
    supersededBy: r.supersededBy ? { ...r.supersededBy, publishedAt: r.supersededBy.publishedAt.toISOString() } : null,
  };
}

/** Parks whose published bulletins the actor reads: those whose dashboard they read. */
function readableParks(actor: Actor): number[] {
  return parksWith(actor, "dashboard.read");
}

function readable(actor: Actor, parkIds: readonly number[]): boolean {
  const mine = new Set(readableParks(actor));
  return parkIds.length > 0 && parkIds.every((p) => mine.has(p));
}

async function mayPublish(actor: Actor, scope: BulletinScope): Promise<boolean> {
  if (actor.grants) return false;
  const regionParks = scope.region !== undefined ? (await getDb().park.findMany({ where: { regionId: scope.region }, select: { id: true } })).map((p) => p.id) : [];
  return publishRefusal(actor, scope, regionParks) === null;
}

/** A published bulletin as its page and its workbook show it: without the figures' project ids. */
export type PublishedBulletinContent = Omit<PublishedBulletin, "figures">;

/**
 * One published bulletin with its content, without the figures' project ids (at 100,000
 * projects a region's are a few hundred thousand ids: reading them made the page 66 ms
 * instead of a few); NOT_FOUND outside the reader's parks.
 */
export async function getPublishedBulletinContent(actor: Actor, id: number): Promise<PublishedBulletinContent> {
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw notFound("通报");
  const row = await getDb().publishedBulletin.findUnique({ where: { id }, select: { ...META_SELECT, content: true } });
  if (!row || !readable(actor, row.parkIds)) throw notFound("通报");
  const meta = toMeta(row);
  return { ...meta, content: row.content as unknown as PublishedContent, canSupersede: meta.supersededBy === null && (await mayPublish(actor, meta.scope)) };
}

/** One published bulletin with its content and every figure's project ids (the API, the check against today); NOT_FOUND outside the reader's parks. */
export async function getPublishedBulletin(actor: Actor, id: number): Promise<PublishedBulletin> {
  const [b, figures] = await Promise.all([getPublishedBulletinContent(actor, id), getDb().bulletinFigure.findMany({ where: { bulletinId: id }, select: { metric: true, projectIds: true } })]);
  return { ...b, figures: Object.fromEntries(figures.map((f) => [f.metric, f.projectIds])) as Partial<Record<Metric, number[]>> };
}

/**
 * The newest version of the published bulletin of a month and scope, or null when it was
 * never published (or the reader may not read it).
 */
export async function currentPublishedBulletin(actor: Actor, scope: BulletinScope, ym: YearMonth): Promise<PublishedMeta | null> {
  const row = await getDb().publishedBulletin.findFirst({
    where: { scopeKey: bulletinScopeKey(scope), year: ym.year, month: ym.month, supersededBy: { is: null } },
    select: META_SELECT,
    orderBy: { revision: "desc" },
  });
  return row && readable(actor, row.parkIds) ? toMeta(row) : null;
}

/** May the actor publish this scope's bulletin (the page shows the button only then)? */
export function mayPublishBulletin(actor: Actor, scope: BulletinScope): Promise<boolean> {
  return mayPublish(actor, scope);
}

export interface PublishedList {
  rows: PublishedMeta[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * Published bulletins the actor reads, newest month first (every version, the corrected
 * ones marked), filtered by scope (a park's own bulletins, or a region's) and year, paged in SQL.
 */
export async function listPublishedBulletins(actor: Actor, query: unknown): Promise<PublishedList> {
  const q = parseOrThrow(publishedBulletinListSchema, query);
  if (q.park !== undefined && q.region !== undefined) {
    const message = "园区与市州只能选一个";
    throw new AppError("VALIDATION", message, { region: [message] });
  }
  const mine = readableParks(actor);
  if (mine.length === 0) throw notFound("园区");
  if (q.park !== undefined && !mine.includes(q.park)) throw notFound("园区");
  const parts: Prisma.Sql[] = [Prisma.sql`b."parkIds" <@ ${mine}::int[]`];
  if (q.park !== undefined) parts.push(Prisma.sql`b."parkId" = ${q.park}::int`);
  if (q.region !== undefined) parts.push(Prisma.sql`b."regionId" = ${q.region}::int`);
  if (q.year !== undefined) parts.push(Prisma.sql`b.year = ${q.year}::int`);
  const where = Prisma.join(parts, " AND ");
  const db = getDb();
  const [ids, [{ n }]] = await Promise.all([
    db.$queryRaw<{ id: number }[]>(Prisma.sql`
      SELECT b.id FROM "PublishedBulletin" b WHERE ${where}
      ORDER BY b.year DESC, b.month DESC, b."scopeName", b.revision DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "PublishedBulletin" b WHERE ${where}`),
  ]);
  const rows = await db.publishedBulletin.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: META_SELECT });
  const byId = new Map(rows.map((r) => [r.id, toMeta(r)]));
  return { rows: ids.map((r) => byId.get(r.id)!), total: n, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(n / q.pageSize)) };
}

export interface FigureProjectRow {
  id: number;
  code: string;
  name: string;
  parkName: string;
  enterpriseName: string;
  /** Today's stage and status (the figure counted the project as it stood when published). */
  stage: string;
  status: string;
}

/**
 * The projects behind one figure of a published bulletin, as frozen (ids in the snapshot),
 * paged: `metric` a drill-down key the bulletin stored. NOT_FOUND outside the reader's parks.
 */
export async function listPublishedFigureProjects(
  actor: Actor,
  id: number,
  metric: string,
  paging: { page: number; pageSize: number },
): Promise<{ bulletin: PublishedMeta; metric: Metric; total: number; page: number; pageCount: number; rows: FigureProjectRow[] }> {
  const [b, figure] = await Promise.all([
    getPublishedBulletinContent(actor, id),
    getDb().bulletinFigure.findFirst({ where: { bulletinId: id, metric }, select: { projectIds: true } }),
  ]);
  const ids = figure?.projectIds;
  if (!ids) throw new AppError("VALIDATION", "指标无效：请从定稿通报的数字进入", { metric: ["指标无效"] });
  const pageCount = Math.max(1, Math.ceil(ids.length / paging.pageSize));
  const page = Math.min(Math.max(1, paging.page), pageCount);
  const slice = ids.slice((page - 1) * paging.pageSize, page * paging.pageSize);
  const rows = await getDb().project.findMany({
    where: { id: { in: slice } },
    select: { id: true, code: true, name: true, stage: true, status: true, park: { select: { name: true } }, enterprise: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  const { content: _c, canSupersede: _s, ...meta } = b;
  return {
    bulletin: meta,
    metric: metric as Metric,
    total: ids.length,
    page,
    pageCount,
    rows: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parkName: r.park.name, enterpriseName: r.enterprise.name, stage: r.stage, status: r.status })),
  };
}
