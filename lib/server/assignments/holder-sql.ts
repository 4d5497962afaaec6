import "server-only";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { AssignmentRole } from "@/lib/domain/coverage";

// A project's current 包保责任人 or 包保领导 is the holder of its newest active assignment
// of that role (endDate null; the latest start, then the latest row). Every list that shows
// or filters by the current holder asks these, so they all name the same person.

/** `<alias>.id`: the projects table's alias in the surrounding query (a code constant, never input). */
const idOf = (projectAlias: string) => Prisma.raw(`${projectAlias}.id`);
const roleOf = (role: AssignmentRole) => Prisma.raw(role === "LEADER" ? "'LEADER'" : "'LIAISON'");

/** The current holder's id, as a subquery (for a LEFT JOIN LATERAL … ON true). */
export function currentHolderSql(projectAlias: string, role: AssignmentRole): Prisma.Sql {
  return Prisma.sql`(SELECT a."userId" FROM "Assignment" a WHERE a."projectId" = ${idOf(projectAlias)} AND a.role = ${roleOf(role)} AND a."endDate" IS NULL
                       ORDER BY a."startDate" DESC, a.id DESC LIMIT 1)`;
}

/** The current holder's name, as a scalar subquery (NULL when nobody holds the role). */
export function currentHolderNameSql(projectAlias: string, role: AssignmentRole): Prisma.Sql {
  return Prisma.sql`(SELECT u.name FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
             WHERE a."projectId" = ${idOf(projectAlias)} AND a.role = ${roleOf(role)} AND a."endDate" IS NULL
             ORDER BY a."startDate" DESC, a.id DESC LIMIT 1)`;
}
