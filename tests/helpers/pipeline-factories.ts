// Factories for the project pipeline tests: a park with one user per role, valid form
// input, parks with many projects, and a database client that counts SQL statements.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { getDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import type { ProjectFormInput } from "@/lib/validation/project";
import { makeActor, makePark, makeRegion, makeUser, unique } from "./factories";

export interface PipelineWorld {
  regionId: number;
  park: { id: number; code: string };
  otherPark: { id: number; code: string };
  staff: Actor;
  staff2: Actor;
  leader: Actor;
  admin: Actor;
  regionLeader: Actor;
  /** A liaison of `park`; assign them to projects with assignLiaison. */
  liaison: Actor;
  otherStaff: Actor;
}

/** A region with two parks and one actor per role (the admin sees every park). */
export async function makePipelineWorld(): Promise<PipelineWorld> {
  const region = await makeRegion();
  const park = await makePark(region.id);
  const otherPark = await makePark(region.id);
  const [staff, staff2, leader, admin, regionLeader, liaison, otherStaff] = await Promise.all([
    makeActor([{ role: "PARK_STAFF", parkId: park.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: park.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: park.id }]),
    makeActor([{ role: "ADMIN" }]),
    makeActor([{ role: "REGION_LEADER", regionId: region.id }]),
    makeActor([{ role: "LIAISON", parkId: park.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: otherPark.id }]),
  ]);
  return {
    regionId: region.id,
    park: { id: park.id, code: park.code },
    otherPark: { id: otherPark.id, code: otherPark.code },
    staff,
    staff2,
    leader,
    admin,
    regionLeader,
    liaison,
    otherStaff,
  };
}

/** A valid create form for `parkId`, as a browser would send it (strings as typed). */
export function projectForm(parkId: number, over: Partial<ProjectFormInput> = {}): ProjectFormInput {
  return {
    name: unique("年产5万吨新材料项目"),
    enterpriseName: unique("湖南测试科技有限公司"),
    parkId,
    industry: "新材料",
    source: "INDUSTRY_CHAIN",
    keyLevel: "CITY",
    specialLists: [],
    totalInvestment: "50,000",
    contractInvestment: "42000.5",
    signedDate: "2025-03-01",
    plannedStartDate: "2025-09-01",
    plannedProductionDate: "2026-12-31",
    contactName: "张经理",
    contactPhone: "0745-2345678",
    ...over,
  };
}

export async function assignLiaison(parkId: number, projectId: number, userId: number): Promise<void> {
  await getDb().assignment.create({ data: { parkId, role: "LIAISON", userId, projectId, startDate: isoToDate("2025-01-01") } });
}

/** `count` SIGNED projects in the park, written in bulk (for the query-count test). */
export async function makeManyProjects(parkId: number, count: number): Promise<void> {
  const db = getDb();
  const enterprises = await db.enterprise.createManyAndReturn({
    data: Array.from({ length: count }, () => ({ parkId, name: unique("批量企业") })),
    select: { id: true },
  });
  const creator = await makeUser([]);
  const projects = await db.project.createManyAndReturn({
    data: enterprises.map((e, i) => ({
      code: unique("BULK"),
      parkId,
      enterpriseId: e.id,
      name: `批量项目${i}`,
      industry: "装备制造",
      totalInvestment: "1000.00",
      contractInvestment: "900.00",
      signedDate: isoToDate("2025-01-10"),
      stage: "SIGNED" as const,
      stageDate: isoToDate("2025-01-10"),
      createdById: creator.id,
    })),
    select: { id: true },
  });
  await db.stageEvent.createMany({
    data: projects.map((p) => ({
      projectId: p.id,
      type: "SIGN" as const,
      toStage: "SIGNED" as const,
      toStatus: "ACTIVE" as const,
      businessDate: isoToDate("2025-01-10"),
      actorId: creator.id,
    })),
  });
}

/**
 * Runs `work` with lib/server's database client replaced by one whose connections count
 * every SQL statement they send (BEGIN and COMMIT included). Counting at the pg driver,
 * under Prisma, sees what PostgreSQL sees, whatever Prisma does per operation.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  let counting = false;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === "string" ? first : (first as { text?: string })?.text ?? String(first);
      if (counting) statements.push(text);
      return original(...args);
    };
  });
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  const holder = globalThis as unknown as { __parkPrisma?: PrismaClient };
  const previous = holder.__parkPrisma;
  try {
    await client.$queryRaw`SELECT 1`; // connect before counting
    holder.__parkPrisma = client;
    counting = true;
    const result = await work();
    counting = false;
    return { result, statements };
  } finally {
    counting = false;
    holder.__parkPrisma = previous;
    await client.$disconnect();
    await pool.end().catch(() => {});
  }
}
