import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { listParkOverview } from "@/lib/server/parks/list-park-overview";
import { listProjects } from "@/lib/server/projects/list-projects";
import { getProject } from "@/lib/server/projects/get-project";
import { listUsers } from "@/lib/server/users/list-users";
import { listAudit } from "@/lib/server/audit/list-audit";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeProject, makeRegion, makeUser } from "../helpers/factories";

const allFilters = projectFiltersSchema.parse({ pageSize: 100 });

describe("park scope and roles", () => {
  let regionA: { id: number };
  let parkA1: { id: number };
  let parkA2: { id: number };
  let parkB: { id: number };
  let projectA1: { id: number };
  let projectB: { id: number };
  let assignedToLiaison: { id: number };
  let liaisonUserId: number;

  beforeAll(async () => {
    regionA = await makeRegion();
    const regionB = await makeRegion();
    parkA1 = await makePark(regionA.id);
    parkA2 = await makePark(regionA.id);
    parkB = await makePark(regionB.id);
    const liaison = await makeUser([{ role: "LIAISON", parkId: parkA1.id }]);
    liaisonUserId = liaison.id;
    projectA1 = await makeProject({ parkId: parkA1.id, stage: "STARTED", totalInvestment: "25000.00" });
    assignedToLiaison = await makeProject({ parkId: parkA1.id, stage: "LANDED", liaisonId: liaison.id, totalInvestment: "5000.50" });
    await makeProject({ parkId: parkA1.id, stage: "PRODUCING", status: "TERMINATED", totalInvestment: "90000.00" });
    await makeProject({ parkId: parkA2.id, stage: "SIGNED", status: "SUSPENDED", totalInvestment: "1234.00" });
    projectB = await makeProject({ parkId: parkB.id, stage: "PRODUCING", totalInvestment: "300000.00" });
  });

  it("a park user sees their park's projects and gets not-found for another park's project", async () => {
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: parkA1.id }]);
    await expect(getProject(staff, projectA1.id)).resolves.toMatchObject({ id: projectA1.id });
    await expect(getProject(staff, projectB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProject(staff, 987654321)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { items, total } = await listProjects(staff, allFilters);
    expect(total).toBe(3);
    expect(items.every((p) => p.parkId === parkA1.id)).toBe(true);
    // Asking for another park through the filter yields nothing, not that park's data.
    expect((await listProjects(staff, { ...allFilters, park: parkB.id })).total).toBe(0);
  });

  it("a region leader reads every park of the region and nothing outside it", async () => {
    const leader = await makeActor([{ role: "REGION_LEADER", regionId: regionA.id }]);
    expect([...leader.parkRoles.keys()].sort()).toEqual([parkA1.id, parkA2.id].sort());
    const { parks, totals } = await listParkOverview(leader);
    expect(parks.map((p) => p.parkId).sort()).toEqual([parkA1.id, parkA2.id].sort());
    expect(totals.total).toBe(4);
    await expect(getProject(leader, projectB.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the overview counts stages of active projects, suspended and terminated apart, and sums investment in SQL", async () => {
    const leader = await makeActor([{ role: "REGION_LEADER", regionId: regionA.id }]);
    const { parks, totals } = await listParkOverview(leader);
    const a1 = parks.find((p) => p.parkId === parkA1.id)!;
    expect(a1).toMatchObject({ total: 3, signed: 0, landed: 1, started: 1, producing: 0, suspended: 0, terminated: 1 });
    // Terminated projects are left out of the investment figures.
    expect(Number(a1.totalInvestment)).toBeCloseTo(30000.5, 2);
    expect(a1.totalInvestment).toBe("30000.50");
    const a2 = parks.find((p) => p.parkId === parkA2.id)!;
    expect(a2).toMatchObject({ total: 1, suspended: 1 });
    expect(totals).toMatchObject({ parkId: null, total: 4, landed: 1, started: 1, suspended: 1, terminated: 1 });
    expect(totals.totalInvestment).toBe("31234.50");
  });

  it("a liaison reads only the projects assigned to them", async () => {
    const liaison = (await loadActor(getDb(), liaisonUserId))!;
    const { items, total } = await listProjects(liaison, allFilters);
    expect(total).toBe(1);
    expect(items[0].id).toBe(assignedToLiaison.id);
    expect(items[0].liaisonName).not.toBeNull();
    await expect(getProject(liaison, projectA1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { parks } = await listParkOverview(liaison);
    expect(parks).toHaveLength(1);
    expect(parks[0]).toMatchObject({ parkId: parkA1.id, total: 1, landed: 1 });
  });

  it("an admin reads every park and manages every user; a park leader only their park's people; staff nobody", async () => {
    const admin = await makeActor([{ role: "ADMIN" }]);
    const { parks } = await listParkOverview(admin);
    expect(parks.map((p) => p.parkId)).toEqual(expect.arrayContaining([parkA1.id, parkA2.id, parkB.id]));
    await expect(listUsers(admin, { page: 1, pageSize: 20 })).resolves.toHaveProperty("total");

    const leader: Actor = await makeActor([{ role: "PARK_LEADER", parkId: parkA1.id }]);
    const own = await listUsers(leader, { page: 1, pageSize: 100 });
    expect(own.users.every((u) => u.memberships.some((m) => m.parkId === parkA1.id))).toBe(true);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: parkA1.id }]);
    await expect(listUsers(staff, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAudit(staff)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAudit(leader)).resolves.toHaveProperty("rows");
  });

  it("a disabled user has no actor", async () => {
    const user = await makeUser([{ role: "PARK_STAFF", parkId: parkA1.id }], { isActive: false });
    expect(await loadActor(getDb(), user.id)).toBeNull();
  });
});

describe("project list filters", () => {
  it("filters by stage, status, industry, year and text in SQL, with correct totals and pages", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    for (let i = 0; i < 25; i++) {
      await makeProject({
        parkId: park.id,
        name: `年产${i}万吨锂电池材料项目`,
        stage: i % 2 === 0 ? "STARTED" : "SIGNED",
        industry: i % 5 === 0 ? "生物医药" : "新能源",
        signedDate: i < 10 ? "2024-06-01" : "2025-06-01",
      });
    }
    await makeProject({ parkId: park.id, name: "冷链物流中心", enterpriseName: "湖南测试物流有限公司" });
    const base = projectFiltersSchema.parse({ park: park.id });
    expect((await listProjects(staff, base)).total).toBe(26);
    const page2 = await listProjects(staff, { ...base, page: 2 });
    expect(page2.items).toHaveLength(6);
    expect(page2.pageCount).toBe(2);
    expect((await listProjects(staff, { ...base, stage: "STARTED" })).total).toBe(13);
    expect((await listProjects(staff, { ...base, industry: "生物医药" })).total).toBe(5);
    expect((await listProjects(staff, { ...base, year: 2024 })).total).toBe(10);
    expect((await listProjects(staff, { ...base, q: "锂电池" })).total).toBe(25);
    expect((await listProjects(staff, { ...base, q: "测试物流" })).total).toBe(1);
  });
});
