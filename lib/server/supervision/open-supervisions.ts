import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { isSupervisionOverdue } from "@/lib/domain/supervision";

export interface ProjectSupervisionCounts {
  projectId: number;
  /** Letters not yet 销号 on the project or on its problems. */
  open: number;
  /** Of those, awaiting a reply (issued or returned, not answered) past their deadline on `asOf`. */
  overdue: number;
}

/**
 * Open and overdue 督办 letters per project (on the project itself or on one of its problems),
 * as of `asOf` (a letter closed after that day counts as open then). One grouped query; projects
 * without letters are left out. No actor: callers (the red list, 积分考核 in lib/server/points)
 * pass project ids they have already scoped.
 */
export async function openSupervisionsByProject(projectIds: readonly number[], asOf = todayInShanghai()): Promise<Map<number, ProjectSupervisionCounts>> {
  const ids = [...new Set(projectIds)].filter((id) => Number.isInteger(id) && id > 0);
  if (ids.length === 0) return new Map();
  const rows = await getDb().$queryRaw<ProjectSupervisionCounts[]>(Prisma.sql`
    SELECT s."projectId",
           count(*)::int AS open,
           count(*) FILTER (WHERE s.deadline < CAST(${asOf} AS date)
             AND (SELECT e.type FROM "SupervisionEvent" e
                  WHERE e."supervisionId" = s.id AND (e."createdAt" AT TIME ZONE 'Asia/Shanghai')::date <= CAST(${asOf} AS date)
                  ORDER BY e.id DESC LIMIT 1) IS DISTINCT FROM 'REPLIED')::int AS overdue
    FROM "Supervision" s
    WHERE s."projectId" = ANY(${ids}::int[])
      AND s."issuedDate" <= CAST(${asOf} AS date)
      AND (s.status <> 'CLOSED' OR s."closedDate" > CAST(${asOf} AS date))
    GROUP BY s."projectId"`);
  return new Map(rows.map((r) => [r.projectId, r]));
}

/** Open and overdue 督办 letters of each park (today's statuses), for the bulletin. One query. */
export async function supervisionCountsByPark(parkIds: readonly number[], today = todayInShanghai()): Promise<Map<number, { open: number; overdue: number }>> {
  if (parkIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ parkId: number; open: number; overdue: number }[]>(Prisma.sql`
    SELECT "parkId", count(*)::int AS open,
           count(*) FILTER (WHERE status IN ('ISSUED', 'RETURNED') AND deadline < CAST(${today} AS date))::int AS overdue
    FROM "Supervision"
    WHERE "parkId" = ANY(${[...parkIds]}::int[]) AND status <> 'CLOSED'
    GROUP BY "parkId"`);
  return new Map(rows.map((r) => [r.parkId, { open: r.open, overdue: r.overdue }]));
}

export interface OpenLetter {
  id: number;
  code: string;
  status: "ISSUED" | "REPLIED" | "RETURNED";
  deadline: string;
  overdue: boolean;
}

/**
 * The open letters on each project itself (not on its problems), today: for the red list's
 * 督办 column. One query; ids are ones the caller already scoped (the page's rows).
 */
export async function openLettersByProject(projectIds: readonly number[], today = todayInShanghai()): Promise<Map<number, OpenLetter[]>> {
  const ids = [...new Set(projectIds)].filter((id) => Number.isInteger(id) && id > 0);
  const map = new Map<number, OpenLetter[]>();
  if (ids.length === 0) return map;
  const rows = await getDb().supervision.findMany({
    where: { projectId: { in: ids }, issueId: null, status: { not: "CLOSED" } },
    orderBy: { id: "asc" },
    select: { id: true, code: true, status: true, deadline: true, projectId: true },
  });
  for (const r of rows) {
    const deadline = dateToIso(r.deadline);
    const status = r.status as OpenLetter["status"];
    const letter = { id: r.id, code: r.code, status, deadline, overdue: isSupervisionOverdue({ status, deadline }, today) };
    map.set(r.projectId!, [...(map.get(r.projectId!) ?? []), letter]);
  }
  return map;
}
