// Per-test seed factories with unique names, so test files never collide and never
// depend on the demo seed.
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import type { Actor, Role } from "@/lib/domain/permissions";
import type { Stage, ProjectStatus } from "@/lib/domain/stages";
import { isoToDate } from "@/lib/domain/dates";
import { loadActor } from "@/lib/server/actor";

let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid.toString(36)}-${Date.now().toString(36)}-${counter}`;
}

export const TEST_PASSWORD = "Test@Pass-2026";
let passwordHash: Promise<string> | undefined;

export async function makeRegion(name = unique("区域")) {
  return getDb().region.create({ data: { code: unique("R"), name } });
}

export async function makePark(regionId: number, name = unique("园区")) {
  return getDb().park.create({ data: { code: unique("P"), name, regionId, level: "PROVINCIAL", type: "HIGH_TECH" } });
}

export interface MembershipSpec {
  role: Role;
  parkId?: number;
  regionId?: number;
}

export async function makeUser(memberships: MembershipSpec[], opts: { username?: string; name?: string; isActive?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return getDb().user.create({
    data: {
      username: opts.username ?? unique("user"),
      name: opts.name ?? unique("用户"),
      passwordHash: await passwordHash,
      isActive: opts.isActive ?? true,
      memberships: { create: memberships.map((m) => ({ role: m.role, parkId: m.parkId ?? null, regionId: m.regionId ?? null })) },
    },
  });
}

export async function makeActor(memberships: MembershipSpec[]): Promise<Actor> {
  const user = await makeUser(memberships);
  const actor = await loadActor(getDb(), user.id);
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export interface ProjectSpec {
  parkId: number;
  name?: string;
  enterpriseName?: string;
  stage?: Stage;
  status?: ProjectStatus;
  industry?: string;
  totalInvestment?: string;
  contractInvestment?: string;
  signedDate?: string;
  liaisonId?: number;
}

export async function makeProject(spec: ProjectSpec) {
  const db = getDb();
  const enterprise = await db.enterprise.create({ data: { parkId: spec.parkId, name: spec.enterpriseName ?? unique("企业") } });
  const signed = spec.signedDate ?? "2025-03-01";
  const project = await db.project.create({
    data: {
      code: unique("PRJ"),
      parkId: spec.parkId,
      enterpriseId: enterprise.id,
      name: spec.name ?? unique("项目"),
      industry: spec.industry ?? "新材料",
      totalInvestment: spec.totalInvestment ?? "10000.00",
      contractInvestment: spec.contractInvestment ?? spec.totalInvestment ?? "8000.00",
      signedDate: isoToDate(signed),
      stage: spec.stage ?? "SIGNED",
      stageDate: isoToDate(signed),
      status: spec.status ?? "ACTIVE",
    },
  });
  if (spec.liaisonId) {
    await db.assignment.create({
      data: { parkId: spec.parkId, role: "LIAISON", userId: spec.liaisonId, projectId: project.id, startDate: isoToDate(signed) },
    });
  }
  return project;
}
