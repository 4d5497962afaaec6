import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { todayInShanghai, dateToIso } from "@/lib/domain/dates";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { type BoardColumnKey, type BoardFilters, BOARD_COLUMNS, boardCursorSchema } from "@/lib/validation/board-filters";
import type { LightResult } from "@/lib/domain/warnings";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { lightIn } from "@/lib/i18n/server-messages";

/** Cards per 加载更多 of a column. */
export const BOARD_PAGE_SIZE = 30;
/**
 * Cards of the first load: what a screen shows of a stage column, and none of the folded
 * lanes (暂缓/终止: their count and total show, their cards come with 加载更多 once opened).
 * A card is ~2 kB of page (markup and data), so a park of 500 projects is a page of under
 * 100 kB instead of 260 (docs/benchmarks.md).
 */
export const BOARD_FIRST_PAGE = 6;
/** The cursor of a column's first page (before every stage date). */
const FIRST_CURSOR = "0001-01-01_0";

export interface BoardCard {
  id: number;
  name: string;
  stage: Stage;
  status: ProjectStatus;
  version: number;
  parkId: number;
  parkName: string;
  enterpriseName: string;
  totalInvestment: string; // 万元
  stageDate: string;
  daysInStage: number;
  stale: boolean;
  liaisonName: string | null;
  /** 亮灯 (lib/domain/warnings): overall light, per rule, reasons. */
  light: Pick<LightResult, "overall" | "start" | "progress" | "filing" | "reasons"> | null;
}

export interface BoardColumn {
  key: BoardColumnKey;
  count: number; // for the whole filter, not the loaded cards
  totalInvestment: string; // 万元, for the whole filter
  cards: BoardCard[];
  nextCursor: string | null;
}

// Days past the park's threshold for the project's stage; active projects only: isStaleProject
// (lib/domain/stale.ts) in SQL, NULL for a producing project (tests/integration/stale.test.ts).
export function staleSql(today: string): Prisma.Sql {
  return Prisma.sql`(pr.status = 'ACTIVE' AND (CAST(${today} AS date) - pr."stageDate") > CASE pr.stage
    WHEN 'SIGNED' THEN pk."staleDaysSigned" WHEN 'LANDED' THEN pk."staleDaysLanded" WHEN 'STARTED' THEN pk."staleDaysStarted" END)`;
}

/** The WHERE clause of every board query: the actor's scope plus the filters. */
export function boardWhere(actor: Actor, f: BoardFilters, today: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleProjectsSql(actor, "pr")];
  if (f.park) parts.push(Prisma.sql`pr."parkId" = ${f.park}`);
  if (f.industry) parts.push(Prisma.sql`pr.industry = ${f.industry}`);
  if (f.keyLevel) parts.push(Prisma.sql`pr."keyLevel" = CAST(${f.keyLevel} AS "KeyLevel")`);
  if (f.year) parts.push(Prisma.sql`pr."signedDate" >= make_date(${f.year}::int, 1, 1) AND pr."signedDate" < make_date(${f.year + 1}::int, 1, 1)`);
  if (f.liaison) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" fa WHERE fa."projectId" = pr.id AND fa.role = 'LIAISON' AND fa."endDate" IS NULL AND fa."userId" = ${f.liaison})`);
  }
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`(pr.name ILIKE ${p} OR pr.code ILIKE ${p} OR e.name ILIKE ${p})`);
  }
  if (f.stale) parts.push(staleSql(today));
  return Prisma.join(parts, " AND ");
}

function columnSql(key: BoardColumnKey): Prisma.Sql {
  if (key === "SUSPENDED" || key === "TERMINATED") return Prisma.sql`pr.status = CAST(${key} AS "ProjectStatus")`;
  return Prisma.sql`pr.status = 'ACTIVE' AND pr.stage = CAST(${key} AS "Stage")`;
}

export function assertBoardScope(actor: Actor, f: BoardFilters) {
  if (f.park) assertCan(actor, "project.read", f.park, "园区");
  else if (parksWith(actor, "project.read").length === 0) throw new AppError("NOT_FOUND", "没有可查看的园区");
}

type CardRow = Omit<BoardCard, "stageDate" | "light"> & { stageDate: Date };

/** Adds the traffic lights to loaded cards: one light query for all of them. */
async function withLights(actor: Actor, pages: { cards: Omit<BoardCard, "light">[]; nextCursor: string | null }[], today: string) {
  const [lights, locale] = await Promise.all([getLightsForProjects(actor, pages.flatMap((p) => p.cards.map((c) => c.id)), today), getRequestLocale()]);
  return pages.map((p) => ({
    ...p,
    cards: p.cards.map((c): BoardCard => {
      const l = lights.get(c.id);
      // The reasons in the reader's language: the cards are a client component.
      return { ...c, light: l ? lightIn({ overall: l.overall, start: l.start, progress: l.progress, filing: l.filing, reasons: l.reasons }, locale) : null };
    }),
  }));
}

function cardColumns(today: string): Prisma.Sql {
  return Prisma.sql`pr.id, pr.name, pr.stage::text AS stage, pr.status::text AS status, pr.version, pr."parkId",
           pk.name AS "parkName", e.name AS "enterpriseName", pr."totalInvestment"::text AS "totalInvestment",
           pr."stageDate", (CAST(${today} AS date) - pr."stageDate")::int AS "daysInStage",
           COALESCE(${staleSql(today)}, false) AS stale,
           ${currentHolderNameSql("pr", "LIAISON")} AS "liaisonName"`;
}

function pageOf(rows: CardRow[], limit: number, cursor: string | null) {
  const page = rows.slice(0, limit).map((r) => ({ ...r, stageDate: dateToIso(r.stageDate) }));
  const last = page[page.length - 1];
  return { cards: page, nextCursor: rows.length > limit ? (last ? `${last.stageDate}_${last.id}` : (cursor ?? FIRST_CURSOR)) : null };
}

async function loadCards(actor: Actor, f: BoardFilters, key: BoardColumnKey, today: string, cursor: string | null, limit: number) {
  let after = Prisma.empty;
  if (cursor) {
    const [date, id] = cursor.split("_");
    after = Prisma.sql`AND (pr."stageDate", pr.id) > (CAST(${date} AS date), ${Number(id)})`;
  }
  const rows = await getDb().$queryRaw<CardRow[]>(Prisma.sql`
    SELECT ${cardColumns(today)}
    FROM "Project" pr
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    WHERE ${boardWhere(actor, f, today)} AND ${columnSql(key)} ${after}
    ORDER BY pr."stageDate" ASC, pr.id ASC
    LIMIT ${limit + 1}`);
  return pageOf(rows, limit, cursor);
}

/** The first page of several columns in one statement (one index-ordered LIMIT per column). */
async function loadFirstCards(actor: Actor, f: BoardFilters, keys: readonly BoardColumnKey[], today: string, limit: number) {
  const rows = await getDb().$queryRaw<(CardRow & { column: BoardColumnKey })[]>(Prisma.sql`
    SELECT k.key AS column, c.*
    FROM unnest(${keys as BoardColumnKey[]}::text[]) WITH ORDINALITY AS k(key, n)
    CROSS JOIN LATERAL (
      SELECT ${cardColumns(today)}
      FROM "Project" pr
      JOIN "Park" pk ON pk.id = pr."parkId"
      JOIN "Enterprise" e ON e.id = pr."enterpriseId"
      WHERE ${boardWhere(actor, f, today)}
        AND CASE WHEN k.key IN ('SUSPENDED', 'TERMINATED') THEN pr.status::text = k.key ELSE pr.status = 'ACTIVE' AND pr.stage::text = k.key END
      ORDER BY pr."stageDate" ASC, pr.id ASC
      LIMIT ${limit + 1}
    ) c
    ORDER BY k.n, c."stageDate", c.id`);
  return keys.map((key) => pageOf(rows.filter((r) => r.column === key).map(({ column: _c, ...r }) => r), limit, null));
}

/**
 * The pipeline board: four stage columns of active projects plus the suspended and
 * terminated lanes. Counts and investment totals cover the whole filter (one GROUP BY);
 * each column loads its first page of cards (BOARD_FIRST_PAGE), longest in stage first.
 */
export async function getBoard(actor: Actor, f: BoardFilters, today = todayInShanghai()): Promise<BoardColumn[]> {
  assertBoardScope(actor, f);
  const totalsPromise = getDb().$queryRaw<{ key: BoardColumnKey; count: number; totalInvestment: string }[]>(Prisma.sql`
    SELECT CASE WHEN pr.status = 'ACTIVE' THEN pr.stage::text ELSE pr.status::text END AS key,
           count(*)::int AS count, COALESCE(sum(pr."totalInvestment"), 0)::text AS "totalInvestment"
    FROM "Project" pr
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    WHERE ${boardWhere(actor, f, today)}
    GROUP BY 1`);
  // The stage columns' first cards in one statement; the folded lanes send none (their count says whether 加载更多 has any).
  const stages: BoardColumnKey[] = BOARD_COLUMNS.filter((key) => key !== "SUSPENDED" && key !== "TERMINATED");
  const [totals, loaded] = await Promise.all([totalsPromise, loadFirstCards(actor, f, stages, today, BOARD_FIRST_PAGE)]);
  const pages = await withLights(actor, loaded, today);
  return BOARD_COLUMNS.map((key) => {
    const t = totals.find((row) => row.key === key);
    const count = t?.count ?? 0;
    const i = stages.indexOf(key);
    const page = i >= 0 ? pages[i] : { cards: [], nextCursor: count > 0 ? FIRST_CURSOR : null };
    return { key, count, totalInvestment: t?.totalInvestment ?? "0", ...page };
  });
}

/** The next page of one column, after `cursor` ("YYYY-MM-DD_id" of the last card shown). */
export async function getBoardColumnPage(actor: Actor, f: BoardFilters, key: BoardColumnKey, cursor: string, today = todayInShanghai()) {
  assertBoardScope(actor, f);
  if (!BOARD_COLUMNS.includes(key)) throw new AppError("VALIDATION", "看板列无效");
  const parsed = parseOrThrow(boardCursorSchema, cursor);
  const [page] = await withLights(actor, [await loadCards(actor, f, key, today, parsed, BOARD_PAGE_SIZE)], today);
  return page;
}

/** Liaisons with active assignments in the board's scope, for the liaison filter. */
export async function listBoardLiaisons(actor: Actor, parkId?: number) {
  const parks = parkId ? [parkId] : parksWith(actor, "project.read");
  return getDb().user.findMany({
    where: { assignments: { some: { role: "LIAISON", endDate: null, parkId: { in: parks.filter((p) => parksWith(actor, "project.read").includes(p)) } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
