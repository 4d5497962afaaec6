// Factories for the 包保 tests: a park with people in every role, enterprises, assignment
// rows with chosen dates (written directly, as the seed does), visits and problems.
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { loadActor } from "@/lib/server/actor";
import { type MembershipSpec, makePark, makeRegion, makeUser, unique } from "./factories";

export interface LiaisonWorld {
  regionId: number;
  park: { id: number; name: string };
  otherPark: { id: number; name: string };
  staff: Actor;
  leader: Actor;
  admin: Actor;
  regionLeader: Actor;
  /** Liaison of `park`, also a liaison of `otherPark`. */
  liaisonA: Actor;
  liaisonB: Actor;
  otherLiaison: Actor;
  otherStaff: Actor;
  otherLeader: Actor;
  disabledLiaisonId: number;
}

async function actorWith(memberships: MembershipSpec[], opts: { name?: string; phone?: string } = {}): Promise<Actor> {
  const user = await makeUser(memberships, { name: opts.name });
  if (opts.phone) await getDb().user.update({ where: { id: user.id }, data: { phone: opts.phone, unit: "招商合作局" } });
  const actor = await loadActor(getDb(), user.id);
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export async function makeLiaisonWorld(): Promise<LiaisonWorld> {
  const region = await makeRegion();
  const park = await makePark(region.id);
  const otherPark = await makePark(region.id);
  const [staff, leader, admin, regionLeader, liaisonA, liaisonB, otherLiaison, otherStaff, otherLeader, disabled] = await Promise.all([
    actorWith([{ role: "PARK_STAFF", parkId: park.id }], { name: unique("工作人员") }),
    actorWith([{ role: "PARK_LEADER", parkId: park.id }], { name: unique("园区领导"), phone: "13800000001" }),
    actorWith([{ role: "ADMIN" }]),
    actorWith([{ role: "REGION_LEADER", regionId: region.id }]),
    actorWith(
      [
        { role: "LIAISON", parkId: park.id },
        { role: "LIAISON", parkId: otherPark.id },
      ],
      { name: unique("甲联络员"), phone: "13900000001" },
    ),
    actorWith([{ role: "LIAISON", parkId: park.id }], { name: unique("乙联络员"), phone: "13900000002" }),
    actorWith([{ role: "LIAISON", parkId: otherPark.id }]),
    actorWith([{ role: "PARK_STAFF", parkId: otherPark.id }]),
    actorWith([{ role: "PARK_LEADER", parkId: otherPark.id }]),
    makeUser([{ role: "LIAISON", parkId: park.id }], { isActive: false }),
  ]);
  return {
    regionId: region.id,
    park: { id: park.id, name: park.name },
    otherPark: { id: otherPark.id, name: otherPark.name },
    staff,
    leader,
    admin,
    regionLeader,
    liaisonA,
    liaisonB,
    otherLiaison,
    otherStaff,
    otherLeader,
    disabledLiaisonId: disabled.id,
  };
}

export async function makeEnterprise(parkId: number, name = unique("企业")) {
  return getDb().enterprise.create({ data: { parkId, name } });
}

export async function makeProjectOf(
  parkId: number,
  enterpriseId: number,
  opts: { name?: string; status?: "ACTIVE" | "SUSPENDED" | "TERMINATED"; signedDate?: string } = {},
) {
  const signed = opts.signedDate ?? "2025-03-01";
  return getDb().project.create({
    data: {
      code: unique("PRJ"),
      parkId,
      enterpriseId,
      name: opts.name ?? unique("项目"),
      industry: "新材料",
      totalInvestment: "1000.00",
      contractInvestment: "800.00",
      signedDate: isoToDate(signed),
      stage: "SIGNED",
      stageDate: isoToDate(signed),
      status: opts.status ?? "ACTIVE",
    },
  });
}

export interface AssignmentRowSpec {
  parkId: number;
  userId: number;
  role?: "LIAISON" | "LEADER";
  projectId?: number;
  enterpriseId?: number;
  startDate?: string;
  endDate?: string | null;
  department?: string;
}

/** An assignment row with chosen dates, written directly (like the seed). */
export async function makeAssignment(spec: AssignmentRowSpec) {
  return getDb().assignment.create({
    data: {
      parkId: spec.parkId,
      role: spec.role ?? "LIAISON",
      userId: spec.userId,
      projectId: spec.projectId ?? null,
      enterpriseId: spec.enterpriseId ?? null,
      department: spec.department ?? null,
      startDate: isoToDate(spec.startDate ?? "2025-01-01"),
      endDate: spec.endDate ? isoToDate(spec.endDate) : null,
    },
  });
}

export async function makeVisit(spec: { parkId: number; enterpriseId: number; liaisonId: number; visitDate: string; projectId?: number }) {
  return getDb().visit.create({
    data: {
      parkId: spec.parkId,
      enterpriseId: spec.enterpriseId,
      projectId: spec.projectId ?? null,
      liaisonId: spec.liaisonId,
      visitDate: isoToDate(spec.visitDate),
      kind: "ON_SITE",
      summary: "走访企业，了解生产经营情况",
    },
  });
}

export async function makeIssue(spec: {
  parkId: number;
  enterpriseId: number;
  reporterId: number;
  resolveDeadline: string;
  projectId?: number;
  responsibleUserId?: number;
  status?: "COLLECTED" | "ASSIGNED" | "IN_PROGRESS" | "ANSWERED" | "CLOSED";
  title?: string;
}) {
  return getDb().enterpriseIssue.create({
    data: {
      code: unique("WT"),
      parkId: spec.parkId,
      enterpriseId: spec.enterpriseId,
      projectId: spec.projectId ?? null,
      category: "UTILITIES",
      title: spec.title ?? unique("用电增容"),
      description: "企业反映用电负荷不足",
      raisedDate: isoToDate("2026-11-01"),
      reporterId: spec.reporterId,
      responsibleUserId: spec.responsibleUserId ?? null,
      status: spec.status ?? "IN_PROGRESS",
      resolveDeadline: isoToDate(spec.resolveDeadline),
      closedDate: spec.status === "CLOSED" ? isoToDate("2026-11-10") : null,
    },
  });
}

/** Active assignment rows of a target and role. */
export function activeAssignments(where: { projectId?: number; enterpriseId?: number; role?: "LIAISON" | "LEADER" }) {
  return getDb().assignment.findMany({ where: { ...where, role: where.role ?? "LIAISON", endDate: null }, orderBy: { id: "asc" } });
}
