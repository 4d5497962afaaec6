import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { LightResult } from "@/lib/domain/warnings";
import { visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { LIGHT_COLUMNS, type LightRow, litCte, lightFromRow, loadLightSetup } from "./light-sql";

/**
 * The traffic lights of a page of projects (board cards, ledger rows, one project page),
 * computed in SQL with each park's rules. Ids the actor may not read are left out.
 * Three queries whatever the number of ids.
 */
export async function getLightsForProjects(actor: Actor, ids: number[], today = todayInShanghai()): Promise<Map<number, LightResult>> {
  const unique = [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))];
  if (unique.length === 0) return new Map();
  const db = getDb();
  const setup = await loadLightSetup(db, parksWith(actor, "project.read"), today);
  const where = Prisma.sql`pr.id = ANY(${unique}::int[]) AND ${visibleProjectsSql(actor, "pr")}`;
  const rows = await db.$queryRaw<(LightRow & { id: number })[]>(Prisma.sql`
    WITH ${litCte(setup, where)}
    SELECT lights.id, ${LIGHT_COLUMNS} FROM lights`);
  return new Map(rows.map((r) => [r.id, lightFromRow(setup, r)]));
}
