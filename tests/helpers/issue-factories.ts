// Factories for the liaison-work tests: a park with one actor per role around an
// enterprise and its project (包保责任人 + 包保领导 assignments), the 2026 holiday calendar,
// valid problem input and problems written directly for figure tests.
import { getDb } from "@/lib/db/client";
import { addDays, isoToDate } from "@/lib/domain/dates";
import type { IssueCategory, IssueStatus, Satisfaction } from "@/lib/domain/issues";
import { AppError } from "@/lib/server/errors";
import { type Actor } from "@/lib/domain/permissions";
import type { CreateIssueInput } from "@/lib/validation/issues";
import { makeActor, makePark, makeRegion, unique } from "./factories";

export interface IssueWorld {
  regionId: number;
  park: { id: number; code: string };
  otherPark: { id: number; code: string };
  enterprise: { id: number; name: string };
  project: { id: number };
  /** An enterprise of the park nobody is assigned to. */
  otherEnterprise: { id: number; name: string };
  /** 包保责任人 of `enterprise` and `project`. */
  liaison: Actor;
  /** A liaison of the park without assignments. */
  strayLiaison: Actor;
  staff: Actor;
  /** PARK_LEADER and the 包保领导 (LEADER assignment) of `enterprise` and `project`. */
  leader: Actor;
  /** Another PARK_LEADER of the park, with no assignment. */
  leader2: Actor;
  admin: Actor;
  regionLeader: Actor;
  otherStaff: Actor;
}

/** A region with two parks and one actor per role; the project's enterprise is covered like the seed covers it. */
export async function makeIssueWorld(): Promise<IssueWorld> {
  const db = getDb();
  const region = await makeRegion();
  const park = await makePark(region.id);
  const otherPark = await makePark(region.id);
  const [liaison, strayLiaison, staff, leader, leader2, admin, regionLeader, otherStaff] = await Promise.all([
    makeActor([{ role: "LIAISON", parkId: park.id }]),
    makeActor([{ role: "LIAISON", parkId: park.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: park.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: park.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: park.id }]),
    makeActor([{ role: "ADMIN" }]),
    makeActor([{ role: "REGION_LEADER", regionId: region.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: otherPark.id }]),
  ]);
  const enterprise = await db.enterprise.create({ data: { parkId: park.id, name: unique("湖南包保测试有限公司"), contactName: "李经理" } });
  const otherEnterprise = await db.enterprise.create({ data: { parkId: park.id, name: unique("湖南无人包保有限公司") } });
  const project = await db.project.create({
    data: {
      code: unique("PRJ"),
      parkId: park.id,
      enterpriseId: enterprise.id,
      name: unique("年产10万吨新材料项目"),
      industry: "新材料",
      totalInvestment: "50000.00",
      contractInvestment: "40000.00",
      signedDate: isoToDate("2025-03-01"),
      stage: "STARTED",
      stageDate: isoToDate("2025-09-01"),
    },
  });
  const start = isoToDate("2025-03-01");
  await db.assignment.createMany({
    data: [
      { parkId: park.id, role: "LIAISON", userId: liaison.userId, enterpriseId: enterprise.id, startDate: start, department: "园区经发局" },
      { parkId: park.id, role: "LEADER", userId: leader.userId, enterpriseId: enterprise.id, startDate: start, department: "党工委（管委会）" },
      { parkId: park.id, role: "LIAISON", userId: liaison.userId, projectId: project.id, startDate: start, department: "园区经发局" },
      { parkId: park.id, role: "LEADER", userId: leader.userId, projectId: project.id, startDate: start, department: "党工委（管委会）" },
    ],
  });
  return {
    regionId: region.id,
    park: { id: park.id, code: park.code },
    otherPark: { id: otherPark.id, code: otherPark.code },
    enterprise: { id: enterprise.id, name: enterprise.name },
    otherEnterprise: { id: otherEnterprise.id, name: otherEnterprise.name },
    project: { id: project.id },
    liaison,
    strayLiaison,
    staff,
    leader,
    leader2,
    admin,
    regionLeader,
    otherStaff,
  };
}

// 2026 as published by the State Council General Office (the seed's prisma/seed/holidays.ts).
const OFF_2026: [string, string, string][] = [
  ["元旦", "2026-01-01", "2026-01-03"],
  ["春节", "2026-02-15", "2026-02-23"],
  ["清明节", "2026-04-04", "2026-04-06"],
  ["劳动节", "2026-05-01", "2026-05-05"],
  ["端午节", "2026-06-19", "2026-06-21"],
  ["中秋节", "2026-09-25", "2026-09-27"],
  ["国庆节", "2026-10-01", "2026-10-07"],
];
const WORK_2026: [string, string][] = [
  ["元旦", "2026-01-04"],
  ["春节", "2026-02-14"],
  ["春节", "2026-02-28"],
  ["劳动节", "2026-05-09"],
  ["国庆节", "2026-09-20"],
  ["国庆节", "2026-10-10"],
];

/** Writes the 2026 calendar (idempotent: the Holiday table is shared by every test file). */
export async function seedHolidays2026(): Promise<void> {
  const rows: { date: Date; kind: "HOLIDAY" | "WORKDAY"; name: string }[] = [];
  for (const [name, from, to] of OFF_2026) for (let d = from; d <= to; d = addDays(d, 1)) rows.push({ date: isoToDate(d), kind: "HOLIDAY", name });
  for (const [name, d] of WORK_2026) rows.push({ date: isoToDate(d), kind: "WORKDAY", name: `${name}调休上班` });
  await getDb().holiday.createMany({ data: rows, skipDuplicates: true });
}

/** A valid problem form for the world's enterprise and project. */
export function issueInput(w: IssueWorld, over: Partial<CreateIssueInput> = {}): CreateIssueInput {
  return {
    enterpriseId: w.enterprise.id,
    projectId: w.project.id,
    category: "UTILITIES",
    title: unique("厂区用电增容"),
    description: "新建车间投产后需增容 800 千伏安，申请协调供电公司加快办理",
    raisedDate: "2026-09-22",
    raisedBy: "李经理",
    ...over,
  };
}

export interface IssueRowSpec {
  parkId: number;
  enterpriseId: number;
  projectId?: number | null;
  reporterId: number;
  responsibleUserId?: number | null;
  category?: IssueCategory;
  status?: IssueStatus;
  level?: number;
  raisedDate: string;
  resolveDeadline: string;
  closedDate?: string | null;
  satisfaction?: Satisfaction | null;
  title?: string;
}

/** A problem written directly (no events), for list and figure tests with hand-picked dates. */
export async function makeIssueRow(spec: IssueRowSpec) {
  return getDb().enterpriseIssue.create({
    data: {
      code: unique("WT"),
      parkId: spec.parkId,
      enterpriseId: spec.enterpriseId,
      projectId: spec.projectId ?? null,
      category: spec.category ?? "OTHER",
      title: spec.title ?? unique("问题"),
      description: "测试问题",
      raisedDate: isoToDate(spec.raisedDate),
      reporterId: spec.reporterId,
      responsibleUserId: spec.responsibleUserId ?? null,
      status: spec.status ?? (spec.closedDate ? "CLOSED" : "IN_PROGRESS"),
      level: spec.level ?? 1,
      resolveDeadline: isoToDate(spec.resolveDeadline),
      closedDate: spec.closedDate ? isoToDate(spec.closedDate) : null,
      satisfaction: spec.satisfaction ?? null,
    },
  });
}

/** The AppError a call fails with (any other failure is rethrown). */
export async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
