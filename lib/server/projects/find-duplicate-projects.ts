import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { type Actor } from "@/lib/domain/permissions";

/**
 * How an existing project resembles the one being typed:
 * - EXACT: same project name and same enterprise (creating it is refused: a re-signed
 *   project stays one project);
 * - SAME_NAME: same project name, another enterprise;
 * - SIMILAR: one name contains the other (ignoring a trailing "项目");
 * - SAME_ENTERPRISE: another project of the same enterprise.
 */
export type DuplicateMatchKind = "EXACT" | "SAME_NAME" | "SIMILAR" | "SAME_ENTERPRISE";

export interface DuplicateMatch {
  id: number;
  code: string;
  name: string;
  enterpriseName: string;
  stage: Stage;
  status: ProjectStatus;
  signedDate: string;
  match: DuplicateMatchKind;
}

export interface DuplicateQuery {
  parkId: number;
  name: string;
  enterpriseName?: string | null;
  excludeId?: number | null;
}

export const DUPLICATE_LIMIT = 5;
/** Shorter names match too much to be a useful warning. */
const SIMILAR_MIN_LENGTH = 4;

const core = (s: string) => s.trim().replace(/\s+/g, "").replace(/项目$/, "");

/**
 * Projects of the park the new or edited one may duplicate, best match first (at most 5).
 * Only projects the actor may read are listed; a park outside their scope is NOT_FOUND.
 * One query, matched in SQL (ILIKE) within the park.
 */
export async function findDuplicateProjects(actor: Actor, query: DuplicateQuery): Promise<DuplicateMatch[]> {
  assertCan(actor, "project.read", query.parkId, "园区");
  const name = query.name.trim().slice(0, 200);
  const enterprise = (query.enterpriseName ?? "").trim().slice(0, 200);
  if (name === "" && enterprise === "") return [];

  const nameCore = core(name);
  const similarOk = nameCore.length >= SIMILAR_MIN_LENGTH;
  const contains = likePattern(nameCore);
  // "name ILIKE '%core%'" or the other way round: the stored name's core inside the typed one.
  const storedCore = Prisma.sql`regexp_replace(regexp_replace(p.name, '\\s+', '', 'g'), '项目$', '')`;
  const similar = similarOk
    ? Prisma.sql`(p.name ILIKE ${contains}::text OR (char_length(${storedCore}) >= ${SIMILAR_MIN_LENGTH}
        AND ${nameCore}::text ILIKE '%' || replace(replace(replace(${storedCore}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'))`
    : Prisma.sql`FALSE`;
  const sameName = name === "" ? Prisma.sql`FALSE` : Prisma.sql`lower(p.name) = lower(${name}::text)`;
  const sameEnterprise = enterprise === "" ? Prisma.sql`FALSE` : Prisma.sql`lower(e.name) = lower(${enterprise}::text)`;

  const rows = await getDb().$queryRaw<
    { id: number; code: string; name: string; enterpriseName: string; stage: Stage; status: ProjectStatus; signedDate: string; match: DuplicateMatchKind }[]
  >(Prisma.sql`
    SELECT p.id, p.code, p.name, e.name AS "enterpriseName", p.stage::text AS stage, p.status::text AS status,
           to_char(p."signedDate", 'YYYY-MM-DD') AS "signedDate",
           CASE WHEN ${sameName} AND ${sameEnterprise} THEN 'EXACT'
                WHEN ${sameName} THEN 'SAME_NAME'
                WHEN ${similar} THEN 'SIMILAR'
                ELSE 'SAME_ENTERPRISE' END AS match
    FROM "Project" p JOIN "Enterprise" e ON e.id = p."enterpriseId"
    WHERE p."parkId" = ${query.parkId}::int
      AND p.id <> ${query.excludeId ?? 0}::int
      AND ${visibleProjectsSql(actor, "p")}
      AND (${sameName} OR ${similar} OR ${sameEnterprise})
    ORDER BY CASE WHEN ${sameName} AND ${sameEnterprise} THEN 0 WHEN ${sameName} THEN 1 WHEN ${similar} AND ${sameEnterprise} THEN 2
                  WHEN ${similar} THEN 3 ELSE 4 END,
             p."signedDate" DESC, p.id DESC
    LIMIT ${DUPLICATE_LIMIT}`);
  return rows;
}
