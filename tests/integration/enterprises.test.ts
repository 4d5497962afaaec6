// The enterprise registry (一企一档) against the real database: search and paging in SQL,
// what a liaison sees, creating and editing with the per-park uniqueness of name and
// credit code, archived parks, merging duplicates, ending an enterprise's 包保 (and 挂牌公示
// flagging it uncovered), the same company across parks, and the REST routes.

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import * as S from "@/lib/api/schemas";
import { type Actor } from "@/lib/domain/permissions";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { assign } from "@/lib/server/assignments/assign";
import { listCoverage } from "@/lib/server/coverage/list-coverage";
import { createEnterprise } from "@/lib/server/enterprises/create-enterprise";
import { endAssignment } from "@/lib/server/enterprises/end-assignment";
import { getEnterprise } from "@/lib/server/enterprises/get-enterprise";
import { listEnterprises } from "@/lib/server/enterprises/list-enterprises";
import { mergeEnterprises } from "@/lib/server/enterprises/merge-enterprises";
import { searchEnterprises } from "@/lib/server/enterprises/search-enterprises";
import { updateEnterprise } from "@/lib/server/enterprises/update-enterprise";
import { createVisit } from "@/lib/server/visits/create-visit";
import { coverageFiltersSchema } from "@/lib/validation/assignments";
import { enterpriseListSchema, enterpriseSearchSchema } from "@/lib/validation/enterprises";
import * as enterprisesRoute from "@/app/api/v1/enterprises/route";
import * as enterpriseRoute from "@/app/api/v1/enterprises/[id]/route";
import * as visitsRoute from "@/app/api/v1/visits/route";
import { makeActor, makePark, makeProject, unique } from "../helpers/factories";
import { type IssueWorld, caught, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { countStatements } from "../helpers/pipeline-factories";

const db = () => getDb();
const list = (actor: Actor, over: Record<string, unknown> = {}) => listEnterprises(actor, enterpriseListSchema.parse(over));
const search = (actor: Actor, over: Record<string, unknown> = {}) => searchEnterprises(actor, enterpriseSearchSchema.parse(over));

/** A credit code that passes the format rule, different on every call. */
let codeSeq = 0;
function creditCode(): string {
  codeSeq += 1;
  return `91431200MA${(process.pid % 10_000).toString().padStart(4, "0")}${codeSeq.toString().padStart(4, "0")}`;
}

const auditCount = (entityId: number, action?: string) => db().auditLog.count({ where: { entityType: "Enterprise", entityId: String(entityId), ...(action ? { action } : {}) } });

let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
});

describe("listing and searching", () => {
  let park: { id: number };
  let staff: Actor;
  let coded: { id: number; creditCode: string };
  const prefix = unique("检索");

  beforeAll(async () => {
    park = await makePark(w.regionId);
    staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    // 310 enterprises: more than the 300 the visit form's old <select> could offer.
    await db().enterprise.createMany({ data: Array.from({ length: 310 }, (_, i) => ({ parkId: park.id, name: `${prefix}-${String(i).padStart(3, "0")}` })) });
    const code = creditCode();
    const row = await db().enterprise.update({ where: { parkId_name: { parkId: park.id, name: `${prefix}-007` } }, data: { creditCode: code } });
    coded = { id: row.id, creditCode: code };
  });

  it("pages in SQL, by name, with the total", async () => {
    const first = await list(staff, { park: park.id, q: prefix, pageSize: 100 });
    expect(first.total).toBe(310);
    expect(first.pageCount).toBe(4);
    expect(first.items).toHaveLength(100);
    expect(first.items[0].name).toBe(`${prefix}-000`);
    const last = await list(staff, { park: park.id, q: prefix, pageSize: 100, page: 4 });
    expect(last.items.map((e) => e.name)).toEqual([`${prefix}-300`, `${prefix}-301`, `${prefix}-302`, `${prefix}-303`, `${prefix}-304`, `${prefix}-305`, `${prefix}-306`, `${prefix}-307`, `${prefix}-308`, `${prefix}-309`]);
  });

  it("finds an enterprise by part of its name or of its credit code, ignoring case", async () => {
    expect((await list(staff, { park: park.id, q: `${prefix}-309` })).items.map((e) => e.name)).toEqual([`${prefix}-309`]);
    const byCode = await list(staff, { q: coded.creditCode.slice(4, 14).toLowerCase() });
    expect(byCode.items.map((e) => e.id)).toEqual([coded.id]);
  });

  it("takes LIKE wildcards in the search text literally", async () => {
    expect((await list(staff, { park: park.id, q: "%" })).total).toBe(0);
  });

  it("counts projects and open problems, and shows the enterprise's own 包保 holders", async () => {
    const rows = await list(w.staff, { park: w.park.id, q: w.enterprise.name });
    const row = rows.items.find((e) => e.id === w.enterprise.id)!;
    expect(row.projectCount).toBe(1);
    expect(row.liaison?.userId).toBe(w.liaison.userId);
    expect(row.leader?.userId).toBe(w.leader.userId);
    const before = row.openIssueCount;
    await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.staff.userId, raisedDate: "2026-11-02", resolveDeadline: "2026-11-30" });
    await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.staff.userId, raisedDate: "2026-10-02", resolveDeadline: "2026-10-30", closedDate: "2026-10-20" });
    const after = (await list(w.staff, { park: w.park.id, q: w.enterprise.name })).items.find((e) => e.id === w.enterprise.id)!;
    expect(after.openIssueCount).toBe(before + 1);
  });

  it("runs the same number of statements whatever the page size (no query per row)", async () => {
    const small = await countStatements(() => list(staff, { park: park.id, pageSize: 20 }));
    const large = await countStatements(() => list(staff, { park: park.id, pageSize: 100 }));
    expect(small.result.items).toHaveLength(20);
    expect(large.result.items).toHaveLength(100);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it("refuses a park the actor has no role in as not found", async () => {
    expect((await caught(list(staff, { park: w.park.id }))).code).toBe("NOT_FOUND");
  });

  it("the picker finds any enterprise, best match first, limited in SQL", async () => {
    const found = await search(staff, { q: `${prefix}-30`, limit: 5, purpose: "visit" });
    expect(found.items.map((e) => e.name)).toEqual([`${prefix}-300`, `${prefix}-301`, `${prefix}-302`, `${prefix}-303`, `${prefix}-304`]);
    expect(found.hasMore).toBe(true);
    // The 310th of the park by name: beyond any fixed list.
    const exact = await search(staff, { q: `${prefix}-309`, purpose: "visit" });
    expect(exact.items.map((e) => e.name)).toEqual([`${prefix}-309`]);
    expect(exact.hasMore).toBe(false);
    const byCode = await search(staff, { q: coded.creditCode });
    expect(byCode.items[0]).toMatchObject({ id: coded.id, creditCode: coded.creditCode, parkId: park.id });
  });

  it("the picker ranks the exact name first, then names starting with the text, then the rest", async () => {
    const tag = `q${Date.now().toString(36)}`;
    await db().enterprise.createMany({ data: [`a${tag}`, tag, `${tag}b`].map((name) => ({ parkId: park.id, name })) });
    expect((await search(staff, { q: tag, park: park.id })).items.map((e) => e.name)).toEqual([tag, `${tag}b`, `a${tag}`]);
    expect((await list(staff, { q: tag, park: park.id })).items.map((e) => e.name)).toEqual([`a${tag}`, tag, `${tag}b`]);
  });

  it("the picker offers the enterprise's live projects", async () => {
    const found = await search(w.staff, { id: w.enterprise.id, purpose: "visit" });
    expect(found.items).toHaveLength(1);
    expect(found.items[0].projects.map((p) => p.id)).toEqual([w.project.id]);
  });
});

describe("what a liaison sees", () => {
  it("lists only the enterprises they cover, directly or through a project", async () => {
    const viaProject = await makeProject({ parkId: w.park.id, liaisonId: w.strayLiaison.userId, signedDate: "2025-06-01" });
    const mine = await list(w.liaison, { park: w.park.id });
    expect(mine.items.map((e) => e.id)).toContain(w.enterprise.id);
    expect(mine.items.map((e) => e.id)).not.toContain(w.otherEnterprise.id);
    const stray = await list(w.strayLiaison, {});
    expect(stray.items.map((e) => e.id)).toEqual([viaProject.enterpriseId]);
  });

  it("opens only an enterprise they cover; another is not found", async () => {
    const page = await getEnterprise(w.liaison, w.enterprise.id);
    expect(page.name).toBe(w.enterprise.name);
    expect(page.can).toEqual({ edit: false, assign: false, merge: false, logVisit: true });
    expect((await caught(getEnterprise(w.liaison, w.otherEnterprise.id))).code).toBe("NOT_FOUND");
  });

  it("the visit picker offers a liaison only their enterprises", async () => {
    const found = await search(w.liaison, { purpose: "visit", park: w.park.id, limit: 50 });
    expect(found.items.map((e) => e.id)).toContain(w.enterprise.id);
    expect(found.items.map((e) => e.id)).not.toContain(w.otherEnterprise.id);
  });

  it("the project picker offers nothing to someone who cannot enter projects", async () => {
    expect((await caught(search(w.liaison, { purpose: "project", park: w.park.id }))).code).toBe("FORBIDDEN");
    expect((await search(w.liaison, { purpose: "project" })).items).toEqual([]);
  });
});

describe("creating and editing", () => {
  it("creates an enterprise without a project, audited with its park", async () => {
    const code = creditCode();
    const name = unique("湖南建档测试有限公司");
    const { id } = await createEnterprise(w.staff, { parkId: w.park.id, name: `  ${name} `, creditCode: code.toLowerCase(), contactPhone: "0745-1234567", address: "创业路 1 号" });
    const row = await db().enterprise.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ parkId: w.park.id, name, creditCode: code, contactPhone: "0745-1234567", address: "创业路 1 号", legalPerson: null });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityType: "Enterprise", entityId: String(id), action: "enterprise.create" } });
    expect(audit).toMatchObject({ actorId: w.staff.userId, parkId: w.park.id });
    expect(audit.after).toMatchObject({ name, creditCode: code });
  });

  it("names each bad field in Chinese and writes nothing", async () => {
    const before = await db().enterprise.count();
    const err = await caught(createEnterprise(w.staff, { parkId: w.park.id, name: " ", creditCode: "12345", contactPhone: "abc", address: "长".repeat(201) }));
    expect(err.code).toBe("VALIDATION");
    expect(err.fieldErrors).toMatchObject({
      name: ["请填写企业名称"],
      creditCode: [expect.stringContaining("统一社会信用代码须为 18 位")],
      contactPhone: [expect.stringContaining("联系电话格式不正确")],
      address: ["地址不能超过 200 个字符"],
    });
    expect((await caught(createEnterprise(w.staff, "not an object"))).code).toBe("VALIDATION");
    expect(await db().enterprise.count()).toBe(before);
  });

  it("refuses a name or a credit code already registered in the park, on that field", async () => {
    const code = creditCode();
    const first = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("湖南重名测试有限公司"), creditCode: code });
    const existing = await db().enterprise.findUniqueOrThrow({ where: { id: first.id } });
    const sameName = await caught(createEnterprise(w.staff, { parkId: w.park.id, name: existing.name }));
    expect(sameName.code).toBe("VALIDATION");
    expect(sameName.fieldErrors?.name?.[0]).toContain("本园区已有同名企业");
    const sameCode = await caught(createEnterprise(w.staff, { parkId: w.park.id, name: unique("另一家公司"), creditCode: code }));
    expect(sameCode.fieldErrors?.creditCode?.[0]).toBe(`统一社会信用代码已登记在本园区「${existing.name}」名下`);
    expect(await db().enterprise.count({ where: { parkId: w.park.id, creditCode: code } })).toBe(1);
  });

  it("allows the same credit code and name in another park (the same company investing there)", async () => {
    const code = creditCode();
    const name = unique("湖南跨园区投资有限公司");
    await createEnterprise(w.staff, { parkId: w.park.id, name, creditCode: code });
    const other = await createEnterprise(w.otherStaff, { parkId: w.otherPark.id, name, creditCode: code });
    expect((await db().enterprise.findUniqueOrThrow({ where: { id: other.id } })).parkId).toBe(w.otherPark.id);
  });

  it("needs project.write in the park: a leader is refused, another park is not found", async () => {
    expect((await caught(createEnterprise(w.leader, { parkId: w.park.id, name: unique("领导建档") }))).code).toBe("FORBIDDEN");
    expect((await caught(createEnterprise(w.liaison, { parkId: w.park.id, name: unique("联络员建档") }))).code).toBe("FORBIDDEN");
    expect((await caught(createEnterprise(w.otherStaff, { parkId: w.park.id, name: unique("外园区建档") }))).code).toBe("NOT_FOUND");
  });

  it("edits only the fields sent, audits before and after, and writes nothing when nothing changes", async () => {
    const { id } = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("湖南修改测试有限公司"), legalPerson: "张三", contactName: "李四" });
    const result = await updateEnterprise(w.staff, id, { legalPerson: "王五", contactName: "" });
    expect(result.changed).toEqual(["legalPerson", "contactName"]);
    const row = await db().enterprise.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ legalPerson: "王五", contactName: null });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityType: "Enterprise", entityId: String(id), action: "enterprise.update" } });
    expect(audit).toMatchObject({ parkId: w.park.id, before: { legalPerson: "张三", contactName: "李四" }, after: { legalPerson: "王五", contactName: null } });
    expect((await updateEnterprise(w.staff, id, { legalPerson: "王五" })).changed).toEqual([]);
    expect(await auditCount(id, "enterprise.update")).toBe(1);
  });

  it("refuses a taken name, a taken credit code and a change of park on edit", async () => {
    const code = creditCode();
    const a = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("甲公司"), creditCode: code });
    const b = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("乙公司") });
    const aName = (await db().enterprise.findUniqueOrThrow({ where: { id: a.id } })).name;
    const err = await caught(updateEnterprise(w.staff, b.id, { name: aName, creditCode: code }));
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["creditCode", "name"]);
    const park = await caught(updateEnterprise(w.staff, b.id, { parkId: w.otherPark.id }));
    expect(park.fieldErrors?.parkId?.[0]).toContain("所属园区不能修改");
    expect(await auditCount(b.id, "enterprise.update")).toBe(0);
    // Renaming to its own name or keeping its own code is not a clash.
    expect((await updateEnterprise(w.staff, a.id, { name: aName, creditCode: code.toLowerCase() })).changed).toEqual([]);
  });

  it("edits are refused outside the actor's scope", async () => {
    expect((await caught(updateEnterprise(w.otherStaff, w.enterprise.id, { industry: "x" }))).code).toBe("NOT_FOUND");
    expect((await caught(updateEnterprise(w.strayLiaison, w.otherEnterprise.id, { industry: "x" }))).code).toBe("NOT_FOUND");
    expect((await caught(updateEnterprise(w.liaison, w.enterprise.id, { industry: "x" }))).code).toBe("FORBIDDEN");
    expect((await caught(updateEnterprise(w.staff, 2_147_483_647, { industry: "x" }))).code).toBe("NOT_FOUND");
  });
});

describe("archived parks", () => {
  it("refuses new enterprises and edits there, with the message on the park", async () => {
    const park = await makePark(w.regionId);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const { id } = await createEnterprise(staff, { parkId: park.id, name: unique("归档前企业") });
    await db().park.update({ where: { id: park.id }, data: { archivedAt: new Date() } });
    const err = await caught(createEnterprise(staff, { parkId: park.id, name: unique("归档后企业") }));
    expect(err.code).toBe("VALIDATION");
    expect(err.fieldErrors?.parkId?.[0]).toContain("已归档");
    expect((await caught(updateEnterprise(staff, id, { industry: "新材料" }))).fieldErrors?.parkId?.[0]).toContain("已归档");
    expect(await db().enterprise.count({ where: { parkId: park.id } })).toBe(1);
    expect((await getEnterprise(staff, id)).can.edit).toBe(false);
  });
});

describe("merging duplicates", () => {
  /** Two records of one company: the survivor covered by the world's liaison, the duplicate with a project, a visit, a problem and 包保 rows. */
  async function duplicates() {
    const code = creditCode();
    const survivor = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("湖南合并测试有限公司"), legalPerson: "张三" } });
    const duplicate = await db().enterprise.create({
      data: { parkId: w.park.id, name: unique("湖南合并测试公司"), creditCode: code, legalPerson: "张叁", address: "高新区 8 号", contactPhone: "13800000000" },
    });
    const start = isoToDate("2025-03-01");
    const survivorLiaison = await db().assignment.create({ data: { parkId: w.park.id, role: "LIAISON", userId: w.liaison.userId, enterpriseId: survivor.id, startDate: start } });
    const dupLiaison = await db().assignment.create({ data: { parkId: w.park.id, role: "LIAISON", userId: w.strayLiaison.userId, enterpriseId: duplicate.id, startDate: start } });
    const dupLeader = await db().assignment.create({ data: { parkId: w.park.id, role: "LEADER", userId: w.leader.userId, enterpriseId: duplicate.id, startDate: start } });
    const project = await db().project.create({
      data: {
        code: unique("PRJ"),
        parkId: w.park.id,
        enterpriseId: duplicate.id,
        name: unique("合并项目"),
        industry: "新材料",
        totalInvestment: "1000.00",
        contractInvestment: "800.00",
        signedDate: start,
        stageDate: start,
      },
    });
    const visit = await createVisit(w.staff, { enterpriseId: duplicate.id, visitDate: "2026-11-02", kind: "PHONE", summary: "电话了解情况", problems: [{ category: "LAND", title: "用地报批", description: "二期用地" }] });
    return { code, survivor, duplicate, survivorLiaison, dupLiaison, dupLeader, project, visit };
  }

  it("a park staff member cannot merge: 403, nothing written", async () => {
    const d = await duplicates();
    const err = await caught(mergeEnterprises(w.staff, { survivorId: d.survivor.id, duplicateId: d.duplicate.id, reason: "重复录入" }));
    expect(err.code).toBe("FORBIDDEN");
    expect(await db().enterprise.count({ where: { id: { in: [d.survivor.id, d.duplicate.id] } } })).toBe(2);
    expect((await db().project.findUniqueOrThrow({ where: { id: d.project.id } })).enterpriseId).toBe(d.duplicate.id);
    expect(await auditCount(d.survivor.id, "enterprise.merge")).toBe(0);
    expect((await caught(mergeEnterprises(w.otherStaff, { survivorId: d.survivor.id, duplicateId: d.duplicate.id, reason: "重复录入" }))).code).toBe("NOT_FOUND");
  });

  it("moves projects, visits, problems and 包保 to the survivor in one transaction, fills its gaps, deletes the duplicate, audits once", async () => {
    const d = await duplicates();
    const result = await mergeEnterprises(w.leader, { survivorId: d.survivor.id, duplicateId: d.duplicate.id, reason: "同一企业重复建档" });
    expect(result.moved).toEqual({ projects: 1, visits: 1, issues: 1, assignments: 2 });
    expect(result.endedAssignmentIds).toEqual([d.dupLiaison.id]);

    expect(await db().enterprise.findUnique({ where: { id: d.duplicate.id } })).toBeNull();
    const survivor = await db().enterprise.findUniqueOrThrow({ where: { id: d.survivor.id } });
    // Its own values win (name, legal person); the duplicate fills what it lacked.
    expect(survivor).toMatchObject({ name: d.survivor.name, legalPerson: "张三", creditCode: d.code, address: "高新区 8 号", contactPhone: "13800000000" });

    const project = await db().project.findUniqueOrThrow({ where: { id: d.project.id } });
    expect(project).toMatchObject({ enterpriseId: d.survivor.id, version: 2 });
    expect((await db().visit.findUniqueOrThrow({ where: { id: d.visit.id } })).enterpriseId).toBe(d.survivor.id);
    expect((await db().enterpriseIssue.findUniqueOrThrow({ where: { id: d.visit.issues[0].id } })).enterpriseId).toBe(d.survivor.id);

    // One active 包保责任人: the survivor's; the duplicate's ended today. Its 包保领导 moved as it was.
    const rows = await db().assignment.findMany({ where: { enterpriseId: d.survivor.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.role, r.endDate === null])).toEqual([
      [d.survivorLiaison.id, "LIAISON", true],
      [d.dupLiaison.id, "LIAISON", false],
      [d.dupLeader.id, "LEADER", true],
    ]);

    const audits = await db().auditLog.findMany({ where: { entityType: "Enterprise", entityId: String(d.survivor.id), action: "enterprise.merge" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: w.leader.userId,
      parkId: w.park.id,
      before: { survivor: { id: d.survivor.id, creditCode: null }, duplicate: { id: d.duplicate.id, creditCode: d.code } },
      after: { survivor: { id: d.survivor.id, creditCode: d.code }, duplicateId: d.duplicate.id, moved: result.moved, reason: "同一企业重复建档" },
    });

    const page = await getEnterprise(w.leader, d.survivor.id);
    expect(page.projects.map((p) => p.id)).toEqual([d.project.id]);
    expect(page.visits.total).toBe(1);
    expect(page.problems).toMatchObject({ total: 1, open: 1 });
  });

  it("refuses records of two parks, two different credit codes, and one record merged into itself", async () => {
    const a = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("甲"), creditCode: creditCode() } });
    const b = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("乙"), creditCode: creditCode() } });
    const differentCodes = await caught(mergeEnterprises(w.leader, { survivorId: a.id, duplicateId: b.id, reason: "重复" }));
    expect(differentCodes.fieldErrors?.duplicateId?.[0]).toContain("统一社会信用代码不同");
    expect(await db().enterprise.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);

    const admin = w.admin;
    const far = await db().enterprise.create({ data: { parkId: w.otherPark.id, name: unique("丙") } });
    expect((await caught(mergeEnterprises(admin, { survivorId: a.id, duplicateId: far.id, reason: "重复" }))).fieldErrors?.duplicateId?.[0]).toContain("同一园区");
    const self = await caught(mergeEnterprises(w.leader, { survivorId: a.id, duplicateId: a.id, reason: "" }));
    expect(self.fieldErrors).toMatchObject({ duplicateId: ["要并入的企业不能与保留的企业相同"], reason: ["请填写合并原因"] });
  });
});

describe("ending an enterprise's 包保 without a successor", () => {
  it("ends the row, audits it, and 挂牌公示 flags the enterprise uncovered", async () => {
    const e = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("湖南结束包保有限公司") });
    const { assignmentId } = await assign(w.staff, { targetType: "ENTERPRISE", targetId: e.id, role: "LIAISON", userId: w.strayLiaison.userId, startDate: "2026-11-02" });
    const name = (await db().enterprise.findUniqueOrThrow({ where: { id: e.id } })).name;
    const coverage = (uncovered: boolean) => listCoverage(w.staff, w.park.id, coverageFiltersSchema.parse({ q: name, ...(uncovered ? { uncovered: "1" } : {}) }));
    expect((await coverage(true)).rows).toEqual([]);
    expect((await coverage(false)).rows[0].liaison?.userId).toBe(w.strayLiaison.userId);

    const ended = await endAssignment(w.staff, { assignmentId, reason: "调离岗位" });
    expect(ended).toEqual({ assignmentId, enterpriseId: e.id, endDate: todayInShanghai() });
    expect((await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toEqual(isoToDate(todayInShanghai()));
    const uncovered = await coverage(true);
    expect(uncovered.rows.map((r) => r.enterpriseId)).toEqual([e.id]);
    expect(uncovered.rows[0].liaison).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityType: "Enterprise", entityId: String(e.id), action: "assignment.end" } });
    expect(audit).toMatchObject({ parkId: w.park.id, before: { assignmentId, userId: w.strayLiaison.userId }, after: { endDate: todayInShanghai(), reason: "调离岗位" } });

    const page = await getEnterprise(w.staff, e.id);
    expect(page.assignments.map((r) => [r.id, r.active])).toEqual([[assignmentId, false]]);
    expect((await caught(endAssignment(w.staff, { assignmentId }))).code).toBe("CONFLICT");
  });

  it("refuses an end date before the start, a project's 包保, and people who may not assign", async () => {
    const e = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("湖南包保日期有限公司") });
    const { assignmentId } = await assign(w.staff, { targetType: "ENTERPRISE", targetId: e.id, role: "LEADER", userId: w.leader2.userId, startDate: "2026-11-02" });
    const early = await caught(endAssignment(w.staff, { assignmentId, endDate: "2026-11-01" }));
    expect(early.fieldErrors?.endDate?.[0]).toBe("结束日期不能早于开始日期（2026-11-02）");
    expect((await caught(endAssignment(w.staff, { assignmentId, endDate: "2999-01-01" }))).fieldErrors?.endDate?.[0]).toBe("结束日期不能晚于今天");
    expect((await caught(endAssignment(w.liaison, { assignmentId }))).code).toBe("FORBIDDEN");
    expect((await caught(endAssignment(w.otherStaff, { assignmentId }))).code).toBe("NOT_FOUND");
    const projectRow = await db().assignment.findFirstOrThrow({ where: { projectId: w.project.id } });
    expect((await caught(endAssignment(w.staff, { assignmentId: projectRow.id }))).code).toBe("NOT_FOUND");
    expect((await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).endDate).toBeNull();
  });
});

describe("the same company in several parks", () => {
  it("a region leader sees its projects in the region's other parks; a park's staff only their own", async () => {
    const code = creditCode();
    const name = unique("湖南双园区投资有限公司");
    const here = await createEnterprise(w.staff, { parkId: w.park.id, name, creditCode: code });
    const there = await createEnterprise(w.otherStaff, { parkId: w.otherPark.id, name, creditCode: code });
    const projectThere = await db().project.create({
      data: {
        code: unique("PRJ"),
        parkId: w.otherPark.id,
        enterpriseId: there.id,
        name: unique("二园区项目"),
        industry: "电子信息",
        totalInvestment: "20000.00",
        contractInvestment: "15000.00",
        signedDate: isoToDate("2026-01-10"),
        stageDate: isoToDate("2026-01-10"),
      },
    });
    const seen = await getEnterprise(w.regionLeader, here.id);
    expect(seen.otherParks).toEqual([
      { id: there.id, name, parkId: w.otherPark.id, parkName: expect.any(String), projects: [expect.objectContaining({ id: projectThere.id, totalInvestment: "20000.00", signedDate: "2026-01-10" })] },
    ]);
    expect((await getEnterprise(w.staff, here.id)).otherParks).toEqual([]);
  });
});

// ---------------------------------------------------------------- REST

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

async function call(handler: Handler, method: string, path: string, opts: { token?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { params: Promise.resolve(opts.params) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json);
  return { status: res.status, json, headers: res.headers };
}
const fieldPaths = (json: Record<string, unknown>) => (json as z.infer<typeof S.apiErrorSchema>).error.fields.map((f) => f.path);

describe("REST: /api/v1/enterprises and POST /api/v1/visits", () => {
  let read: string;
  let rw: string;
  let rwOther: string;
  beforeAll(async () => {
    const mk = async (scope: "READ" | "READ_WRITE", parkId: number) => (await createApiToken(w.admin, { name: unique("t"), scope, parkIds: [parkId] })).token;
    read = await mk("READ", w.park.id);
    rw = await mk("READ_WRITE", w.park.id);
    rwOther = await mk("READ_WRITE", w.otherPark.id);
  });
  beforeEach(async () => {
    await getDb().apiRateLimit.deleteMany();
  });

  it("401 without a token", async () => {
    expect((await call(enterprisesRoute.GET as Handler, "GET", "/enterprises")).status).toBe(401);
    expect((await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { body: { parkId: w.park.id, name: "x" } })).status).toBe(401);
    expect((await call(visitsRoute.POST as Handler, "POST", "/visits", { body: {} })).status).toBe(401);
  });

  it("GET /enterprises lists and searches; bad parameters are a 422 naming them; another park is a 404", async () => {
    const ok = await call(enterprisesRoute.GET as Handler, "GET", `/enterprises?q=${encodeURIComponent(w.enterprise.name)}`, { token: read });
    expect(ok.status).toBe(200);
    const body = S.enterpriseListSchema.parse(ok.json);
    expect(body.items.map((e) => e.id)).toEqual([w.enterprise.id]);
    const bad = await call(enterprisesRoute.GET as Handler, "GET", "/enterprises?pageSize=7&page=x", { token: read });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["page", "pageSize"]);
    expect((await call(enterprisesRoute.GET as Handler, "GET", `/enterprises?park=${w.otherPark.id}`, { token: read })).status).toBe(404);
  });

  it("POST /enterprises creates (201 + Location), refuses a duplicate (422 on the field), a read token (403), another park (404)", async () => {
    const name = unique("湖南接口建档有限公司");
    const created = await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { token: rw, body: { parkId: w.park.id, name, industry: "新材料" } });
    expect(created.status).toBe(201);
    const { id } = S.enterpriseCreatedSchema.parse(created.json);
    expect(created.headers.get("location")).toBe(`/api/v1/enterprises/${id}`);
    const dup = await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { token: rw, body: { parkId: w.park.id, name } });
    expect(dup.status).toBe(422);
    expect(fieldPaths(dup.json)).toEqual(["name"]);
    expect((await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { token: read, body: { parkId: w.park.id, name: unique("只读") } })).status).toBe(403);
    expect((await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { token: rwOther, body: { parkId: w.park.id, name: unique("外园区") } })).status).toBe(404);
    const missing = await call(enterprisesRoute.POST as Handler, "POST", "/enterprises", { token: rw, body: { name: 5 } });
    expect(missing.status).toBe(422);
    expect(fieldPaths(missing.json).sort()).toEqual(["name", "parkId"]);
  });

  it("GET /enterprises/{id} returns the file in the published shape; unknown, malformed and other parks' ids are 404", async () => {
    const ok = await call(enterpriseRoute.GET as Handler, "GET", "/", { token: read, params: { id: String(w.enterprise.id) } });
    expect(ok.status).toBe(200);
    const body = S.enterpriseDetailSchema.parse(ok.json);
    expect(body.projects.map((p) => p.id)).toEqual([w.project.id]);
    expect(body.assignments.filter((a) => a.active).map((a) => a.role).sort()).toEqual(["LEADER", "LIAISON"]);
    for (const id of ["0", "abc", "99999999999", "2147483647"]) {
      expect((await call(enterpriseRoute.GET as Handler, "GET", "/", { token: read, params: { id } })).status).toBe(404);
    }
    expect((await call(enterpriseRoute.GET as Handler, "GET", "/", { token: rwOther, params: { id: String(w.enterprise.id) } })).status).toBe(404);
  });

  it("PATCH /enterprises/{id} writes the fields sent; 422 on a bad field; 403 read-only; 404 another park", async () => {
    const { id } = await createEnterprise(w.staff, { parkId: w.park.id, name: unique("湖南接口修改有限公司") });
    const ok = await call(enterpriseRoute.PATCH as Handler, "PATCH", "/", { token: rw, params: { id: String(id) }, body: { contactName: "赵六", address: "园区大道 9 号" } });
    expect(ok.status).toBe(200);
    expect(S.enterpriseUpdatedSchema.parse(ok.json).changed).toEqual(["contactName", "address"]);
    const bad = await call(enterpriseRoute.PATCH as Handler, "PATCH", "/", { token: rw, params: { id: String(id) }, body: { contactPhone: "电话", name: "" } });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["contactPhone", "name"]);
    expect((await call(enterpriseRoute.PATCH as Handler, "PATCH", "/", { token: read, params: { id: String(id) }, body: { address: "x" } })).status).toBe(403);
    expect((await call(enterpriseRoute.PATCH as Handler, "PATCH", "/", { token: rwOther, params: { id: String(id) }, body: { address: "x" } })).status).toBe(404);
    const array = await call(enterpriseRoute.PATCH as Handler, "PATCH", "/", { token: rw, params: { id: String(id) }, body: [1] });
    expect(array.status).toBe(422);
  });

  it("POST /visits logs a visit with its problems (201); 422 names the fields; 404 for another park's enterprise; 403 read-only", async () => {
    const ok = await call(visitsRoute.POST as Handler, "POST", "/visits", {
      token: rw,
      body: { enterpriseId: w.otherEnterprise.id, visitDate: "2026-11-03", kind: "MEETING", summary: "座谈了解用工需求", problems: [{ category: "LABOR", title: "招工难", description: "缺焊工" }] },
    });
    expect(ok.status).toBe(201);
    const created = S.visitCreatedSchema.parse(ok.json);
    expect(created.issues).toHaveLength(1);
    expect((await db().visit.findUniqueOrThrow({ where: { id: created.id } })).enterpriseId).toBe(w.otherEnterprise.id);
    const bad = await call(visitsRoute.POST as Handler, "POST", "/visits", { token: rw, body: { enterpriseId: w.otherEnterprise.id, visitDate: "2999-01-01", kind: "X" } });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["kind", "summary", "visitDate"]);
    expect((await call(visitsRoute.POST as Handler, "POST", "/visits", { token: rwOther, body: { enterpriseId: w.otherEnterprise.id, visitDate: "2026-11-03", kind: "PHONE", summary: "x" } })).status).toBe(404);
    expect((await call(visitsRoute.POST as Handler, "POST", "/visits", { token: read, body: { enterpriseId: w.otherEnterprise.id, visitDate: "2026-11-03", kind: "PHONE", summary: "x" } })).status).toBe(403);
  });
});
