// The ledger's filters are written twice: as a Prisma where (projectListWhere: the list, its
// export and the API) and as SQL (projectListSql: a dashboard figure's list, read where its
// count is). This holds the two equal, filter by filter and combined, for a park's staff and
// an administrator, on projects that differ in every filtered column (including a search
// text with LIKE's wildcards and in another case).

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor } from "@/lib/domain/permissions";
import { projectListSql, projectListWhere } from "@/lib/server/projects/list-projects";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

let staff: Actor;
let admin: Actor;
let parkA: number, parkB: number, regionA: number;
const combos: Record<string, unknown>[] = [];

beforeAll(async () => {
  const r1 = await makeRegion();
  const r2 = await makeRegion();
  regionA = r1.id;
  parkA = (await makePark(r1.id)).id;
  parkB = (await makePark(r2.id)).id;
  staff = await makeActor([{ role: "PARK_STAFF", parkId: parkA }]);
  admin = await makeActor([{ role: "ADMIN" }]);
  const db = getDb();
  const specs = [
    { parkId: parkA, stage: "SIGNED", industry: "新材料", signedDate: "2025-03-01", name: "年产50%_Alpha项目", enterpriseName: "湖南甲科技有限公司" },
    { parkId: parkA, stage: "STARTED", industry: "电子信息", signedDate: "2026-01-15", name: "alpha二期", enterpriseName: "怀化乙公司" },
    { parkId: parkA, stage: "PRODUCING", status: "SUSPENDED", industry: "新材料", signedDate: "2026-12-31", name: "丙项目", enterpriseName: "ALPHA 丙公司" },
    { parkId: parkB, stage: "LANDED", status: "TERMINATED", industry: "新材料", signedDate: "2026-06-01", name: "丁项目", enterpriseName: "丁公司" },
    { parkId: parkB, stage: "SIGNED", industry: "电子信息", signedDate: "2024-12-31", name: "戊项目", enterpriseName: "戊公司" },
  ] as const;
  const levels = ["PROVINCIAL", "CITY", "COUNTY", "NONE", "CITY"] as const;
  for (const [i, s] of specs.entries()) {
    const p = await makeProject(s);
    await db.project.update({ where: { id: p.id }, data: { keyLevel: levels[i] } });
  }
  const one: Record<string, unknown>[] = [
    {},
    { park: parkA },
    { park: parkB },
    { region: regionA },
    { stage: "SIGNED" },
    { status: "SUSPENDED" },
    { status: "TERMINATED" },
    { keyLevel: "CITY" },
    { industry: "新材料" },
    { year: 2026 },
    { year: 2024 },
    { q: "alpha" },
    { q: "50%_" },
    { q: "%" },
    { q: "乙公司" },
  ];
  combos.push(...one, { park: parkA, industry: "新材料", year: 2026 }, { region: regionA, q: "ALPHA", stage: "STARTED" }, { industry: "电子信息", keyLevel: "CITY" });
});

async function both(actor: Actor, raw: Record<string, unknown>): Promise<[number[], number[]]> {
  const f = projectFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
  const db = getDb();
  const viaPrisma = (await db.project.findMany({ where: projectListWhere(actor, f), select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const viaSql = (await db.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT pr.id FROM "Project" pr WHERE ${projectListSql(actor, f)} ORDER BY pr.id`)).map((r) => r.id);
  return [viaPrisma, viaSql];
}

describe("the ledger's filters in Prisma and in SQL", () => {
  it("pick the same projects, filter by filter and combined, for a park's staff and an administrator", async () => {
    for (const actor of [staff, admin]) {
      for (const raw of combos) {
        const [viaPrisma, viaSql] = await both(actor, raw);
        expect(viaSql, `${actor === admin ? "admin" : "staff"} ${JSON.stringify(raw)}`).toEqual(viaPrisma);
      }
    }
    // Not vacuous: the filters narrow, and the two wildcard searches differ.
    const [all] = await both(admin, { park: parkA });
    const [alpha] = await both(admin, { park: parkA, q: "alpha" });
    const [literal] = await both(admin, { q: "50%_" });
    expect(all.length).toBe(3);
    expect(alpha.length).toBe(3);
    expect(literal.length).toBe(1);
    expect((await both(staff, { park: parkB }))[0]).toEqual([]);
  });
});
