import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { type Actor } from "@/lib/domain/permissions";
import { assertBoardScope, boardWhere, staleSql } from "@/lib/server/board/get-board";
import type { ApiProjectListQuery } from "@/lib/validation/api-projects";

export interface ProjectCursorItem {
  id: number;
  code: string;
  name: string;
  version: number;
  parkId: number;
  parkName: string;
  enterpriseName: string;
  industry: string;
  keyLevel: string;
  stage: Stage;
  status: ProjectStatus;
  stageDate: string;
  signedDate: string;
  daysInStage: number;
  stale: boolean;
  totalInvestment: string;
  contractInvestment: string;
  liaisonName: string | null;
}

type Row = Omit<ProjectCursorItem, "stageDate" | "signedDate"> & { stageDate: Date; signedDate: Date };

/**
 * Projects the actor may read with the board's filters (and stage/status), ordered by id
 * and paged by an id cursor, so pages stay stable while projects are added. The WHERE is
 * the board's own (scope + filters); the total covers the whole filter. Two queries.
 */
export async function listProjectsCursor(actor: Actor, q: ApiProjectListQuery, today = todayInShanghai()) {
  assertBoardScope(actor, q);
  const parts = [boardWhere(actor, q, today)];
  if (q.stage) parts.push(Prisma.sql`pr.stage = CAST(${q.stage} AS "Stage")`);
  if (q.status) parts.push(Prisma.sql`pr.status = CAST(${q.status} AS "ProjectStatus")`);
  const where = Prisma.join(parts, " AND ");
  const after = q.cursor ? Prisma.sql`AND pr.id > ${q.cursor}::int` : Prisma.empty;
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT pr.id, pr.code, pr.name, pr.version, pr."parkId", pk.name AS "parkName", e.name AS "enterpriseName",
             pr.industry, pr."keyLevel"::text AS "keyLevel", pr.stage::text AS stage, pr.status::text AS status,
             pr."stageDate", pr."signedDate", (CAST(${today} AS date) - pr."stageDate")::int AS "daysInStage",
             COALESCE(${staleSql(today)}, false) AS stale,
             pr."totalInvestment"::text AS "totalInvestment", pr."contractInvestment"::text AS "contractInvestment",
             ${currentHolderNameSql("pr", "LIAISON")} AS "liaisonName"
      FROM "Project" pr
      JOIN "Park" pk ON pk.id = pr."parkId"
      JOIN "Enterprise" e ON e.id = pr."enterpriseId"
      WHERE ${where} ${after}
      ORDER BY pr.id ASC
      LIMIT ${q.limit + 1}::int`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total FROM "Project" pr
      JOIN "Park" pk ON pk.id = pr."parkId"
      JOIN "Enterprise" e ON e.id = pr."enterpriseId"
      WHERE ${where}`),
  ]);
  const page = rows.slice(0, q.limit);
  const items: ProjectCursorItem[] = page.map((r) => ({ ...r, stageDate: dateToIso(r.stageDate), signedDate: dateToIso(r.signedDate) }));
  const last = items[items.length - 1];
  return { items, total, nextCursor: rows.length > q.limit && last ? String(last.id) : null };
}
