import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { Actor, Permission } from "@/lib/domain/permissions";
import { likePattern, prefixLikePattern } from "@/lib/server/sql";
import type { EnterprisePickerPurpose, EnterpriseSearchFilters } from "@/lib/validation/enterprises";
import { assertCan } from "@/lib/server/actor";
import { visibleEnterprisesSql } from "./enterprise-scope";

export interface EnterpriseOption {
  id: number;
  name: string;
  creditCode: string | null;
  parkId: number;
  parkName: string;
  legalPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Live (not terminated) projects, newest signed first, at most PROJECTS_PER_OPTION. */
  projects: { id: number; name: string }[];
}

export interface EnterpriseOptions {
  items: EnterpriseOption[];
  /** More enterprises match than were returned: typing more narrows them down. */
  hasMore: boolean;
}

export const PROJECTS_PER_OPTION = 20;

const PURPOSE_PERMISSION: Record<EnterprisePickerPurpose, Permission> = { read: "project.read", visit: "issue.write", project: "project.write" };

/**
 * Enterprises for a picker (combobox): those matching the typed text by name or 统一社会信用代码,
 * best matches first (the exact name or code, then names starting with the text, then the
 * rest by name), `limit` of them. Nothing is capped but the page: any enterprise the actor
 * may pick is found by typing enough of it.
 *
 * `purpose` decides the scope: "read" what the actor reads, "visit" where they log visits
 * and problems (a liaison: the enterprises they cover), "project" where they enter projects.
 * Pickers for new work leave out archived parks. Filtered, ordered and limited in SQL; the
 * options' projects come in one more query.
 */
export async function searchEnterprises(actor: Actor, f: EnterpriseSearchFilters): Promise<EnterpriseOptions> {
  const permission = PURPOSE_PERMISSION[f.purpose];
  if (f.park) assertCan(actor, permission, f.park, "园区");

  const parts: Prisma.Sql[] = [visibleEnterprisesSql(actor, "e", permission)];
  if (f.purpose !== "read") parts.push(Prisma.sql`pk."archivedAt" IS NULL`);
  if (f.park) parts.push(Prisma.sql`e."parkId" = ${f.park}::int`);
  if (f.id) parts.push(Prisma.sql`e.id = ${f.id}::int`);
  let rank = Prisma.empty;
  if (f.q) {
    const code = f.q.toUpperCase();
    parts.push(Prisma.sql`(e.name ILIKE ${likePattern(f.q)} OR e."creditCode" ILIKE ${likePattern(code)})`);
    rank = Prisma.sql`CASE WHEN e.name = ${f.q} OR e."creditCode" = ${code} THEN 0 WHEN e.name ILIKE ${prefixLikePattern(f.q)} OR e."creditCode" ILIKE ${prefixLikePattern(code)} THEN 1 ELSE 2 END, `;
  }

  const db = getDb();
  const rows = await db.$queryRaw<Omit<EnterpriseOption, "projects">[]>(Prisma.sql`
    SELECT e.id, e.name, e."creditCode", e."parkId", pk.name AS "parkName", e."legalPerson", e."contactName", e."contactPhone"
    FROM "Enterprise" e JOIN "Park" pk ON pk.id = e."parkId"
    WHERE ${Prisma.join(parts, " AND ")}
    ORDER BY ${rank}e.name ASC, e.id ASC
    LIMIT ${f.limit + 1}::int`);
  const hasMore = rows.length > f.limit;
  const page = rows.slice(0, f.limit);

  const ids = page.map((r) => r.id);
  const projects =
    ids.length === 0
      ? []
      : await db.$queryRaw<{ id: number; name: string; enterpriseId: number }[]>`
          SELECT id, name, "enterpriseId" FROM (
            SELECT p.id, p.name, p."enterpriseId", row_number() OVER (PARTITION BY p."enterpriseId" ORDER BY p."signedDate" DESC, p.id DESC) AS n
            FROM "Project" p WHERE p."enterpriseId" = ANY(${ids}::int[]) AND p.status <> 'TERMINATED'
          ) t WHERE t.n <= ${PROJECTS_PER_OPTION}
          ORDER BY "enterpriseId", n`;
  const byEnterprise = new Map<number, { id: number; name: string }[]>();
  for (const p of projects) {
    const list = byEnterprise.get(p.enterpriseId) ?? [];
    list.push({ id: p.id, name: p.name });
    byEnterprise.set(p.enterpriseId, list);
  }
  return { items: page.map((r) => ({ ...r, projects: byEnterprise.get(r.id) ?? [] })), hasMore };
}
