import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { createProject } from "@/lib/server/projects/create-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { findDuplicateProjects } from "@/lib/server/projects/find-duplicate-projects";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { getProjectHistory } from "@/lib/server/projects/get-project-history";
import { ProjectConflictError } from "@/lib/server/projects/project-writes";
import { makeActor, makePark, unique } from "../helpers/factories";
import { type PipelineWorld, assignLiaison, countStatements, makeManyProjects, makePipelineWorld, projectForm } from "../helpers/pipeline-factories";

const db = () => getDb();
const today = todayInShanghai();
const thisYear = Number(today.slice(0, 4));

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

async function projectRow(id: number) {
  return db().project.findUniqueOrThrow({ where: { id }, include: { enterprise: true, yearPlans: true } });
}
const events = (projectId: number) => db().stageEvent.findMany({ where: { projectId }, orderBy: { id: "asc" } });
const audits = (projectId: number) => db().auditLog.findMany({ where: { entityType: "Project", entityId: String(projectId) }, orderBy: { id: "asc" } });

let w: PipelineWorld;
beforeAll(async () => {
  w = await makePipelineWorld();
});

async function newProject(actor: Actor = w.staff, over: Parameters<typeof projectForm>[1] = {}) {
  return createProject(actor, projectForm(w.park.id, over));
}

describe("creating a project", () => {
  it("writes the record, its enterprise, the SIGN event, this year's plan and an audit row; numbers it per park and year", async () => {
    const park = await makePark(w.regionId);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const first = await createProject(staff, projectForm(park.id, { plannedInvestmentThisYear: "8,000", planStartThisYear: true, creditCode: "91431200MA4L2K3X7B" }));
    const second = await createProject(staff, projectForm(park.id, { signedDate: "2025-07-15" }));
    const older = await createProject(staff, projectForm(park.id, { signedDate: "2024-12-31", plannedStartDate: "2025-01-01" }));
    expect([first.code, second.code, older.code]).toEqual([`${park.code}-2025-001`, `${park.code}-2025-002`, `${park.code}-2024-001`]);
    expect(first.duplicates).toEqual([]);

    const p = await projectRow(first.id);
    expect(p).toMatchObject({ stage: "SIGNED", status: "ACTIVE", version: 1, createdById: staff.userId, industry: "新材料", source: "INDUSTRY_CHAIN", keyLevel: "CITY" });
    expect(p.totalInvestment.toFixed(2)).toBe("50000.00");
    expect(p.contractInvestment.toFixed(2)).toBe("42000.50");
    expect(dateToIso(p.signedDate)).toBe("2025-03-01");
    expect(dateToIso(p.stageDate)).toBe("2025-03-01");
    expect(p.enterprise).toMatchObject({ parkId: park.id, creditCode: "91431200MA4L2K3X7B", contactName: "张经理", contactPhone: "0745-2345678" });
    expect(p.yearPlans).toMatchObject([{ year: thisYear, planStart: true, planProduction: false }]);
    expect(p.yearPlans[0].plannedInvestment.toFixed(2)).toBe("8000.00");

    const [sign] = await events(first.id);
    expect(sign).toMatchObject({ type: "SIGN", fromStage: null, toStage: "SIGNED", toStatus: "ACTIVE", actorId: staff.userId });
    expect(dateToIso(sign.businessDate)).toBe("2025-03-01");
    const [audit] = await audits(first.id);
    expect(audit).toMatchObject({ action: "project.create", actorId: staff.userId, parkId: park.id });
    expect(audit.after).toMatchObject({ name: p.name, code: first.code, totalInvestment: "50000.00", signedDate: "2025-03-01", yearPlan: { year: thisYear, plannedInvestment: "8000.00" } });
  });

  it("numbers concurrent creations in one park without gaps or repeats", async () => {
    const park = await makePark(w.regionId);
    const admin = await makeActor([{ role: "ADMIN" }]);
    const results = await Promise.all(Array.from({ length: 6 }, () => createProject(admin, projectForm(park.id))));
    expect(results.map((r) => r.code).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${park.code}-2025-00${n}`));
  });

  it("refuses invalid input with Chinese messages per field, and writes nothing", async () => {
    const before = await db().project.count({ where: { parkId: w.park.id } });
    const e = await caught(
      newProject(w.staff, { name: "", totalInvestment: "1.234", contractInvestment: "9", signedDate: "2099-01-01", plannedStartDate: "2098-01-01", plannedProductionDate: "", contactPhone: "无" }),
    );
    expect(e.code).toBe("VALIDATION");
    expect(e.message).toBe("请检查标红的字段");
    expect(e.fieldErrors).toEqual({
      name: ["请填写项目名称"],
      totalInvestment: ["总投资须为数字，最多两位小数"],
      contactPhone: ["联系电话格式不正确（7-20 位数字，可含 - 和空格）"],
      signedDate: ["签约日期不能晚于今天"],
      plannedStartDate: ["计划开工日期不能早于签约日期"],
    });
    expect(await db().project.count({ where: { parkId: w.park.id } })).toBe(before);
  });

  it("refuses the same project of the same enterprise twice (a re-signed project stays one), and warns about near matches", async () => {
    const original = await newProject(w.staff, { name: unique("智能装备产业园项目"), enterpriseName: unique("湖南重复测试有限公司") });
    const o = await projectRow(original.id);
    const projectsBefore = await db().project.count();
    const e = await caught(newProject(w.staff2, { name: ` ${o.name} `, enterpriseName: o.enterprise.name, signedDate: "2025-05-01" }));
    expect(e.code).toBe("VALIDATION");
    const message = `该园区已有同名项目（${original.code}，同一投资主体），重新签约的项目请在原项目上更新`;
    expect(e.message).toBe(message);
    expect(e.fieldErrors).toEqual({ name: [message] });
    expect(await db().project.count()).toBe(projectsBefore);

    // Same name under another enterprise is allowed, with a warning; so is a second project of the enterprise.
    const sameName = await newProject(w.staff, { name: o.name });
    expect(sameName.duplicates).toEqual([expect.objectContaining({ id: original.id, code: original.code, match: "SAME_NAME", stage: "SIGNED", status: "ACTIVE" })]);
    const phase2 = await newProject(w.staff, { name: `${o.name.replace(/项目$/, "")}二期项目`, enterpriseName: o.enterprise.name });
    expect(phase2.duplicates.map((d) => [d.id, d.match])).toEqual([
      [original.id, "SIMILAR"],
      [sameName.id, "SIMILAR"],
    ]);
    // Same enterprise: reused, not created twice.
    expect((await projectRow(phase2.id)).enterpriseId).toBe(o.enterpriseId);
  });

  it("reuses the park's enterprise of that name: typed contacts update it, blanks do not erase", async () => {
    const enterpriseName = unique("湖南联系人测试有限公司");
    const a = await newProject(w.staff, { enterpriseName, contactName: "王五", contactPhone: "13800000000", legalPerson: "赵六" });
    const b = await newProject(w.staff, { enterpriseName, contactName: "钱七", contactPhone: "", legalPerson: undefined });
    const [pa, pb] = [await projectRow(a.id), await projectRow(b.id)];
    expect(pb.enterpriseId).toBe(pa.enterpriseId);
    expect(pb.enterprise).toMatchObject({ contactName: "钱七", contactPhone: "13800000000", legalPerson: "赵六" });
  });

  it("refuses a credit code that belongs to another enterprise, on the field", async () => {
    const holder = await newProject(w.staff, { creditCode: "91430100MA4PXXAB3Y" });
    const holderName = (await projectRow(holder.id)).enterprise.name;
    const e = await caught(newProject(w.staff, { creditCode: "91430100ma4pxxab3y" }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { creditCode: [`统一社会信用代码已登记在「${holderName}」名下`] } });
  });

  it("is for park staff and administrators of the park only", async () => {
    for (const actor of [w.leader, w.regionLeader, w.liaison]) {
      expect((await caught(newProject(actor))).code).toBe("FORBIDDEN");
    }
    expect((await caught(newProject(w.otherStaff))).code).toBe("NOT_FOUND");
    await expect(newProject(w.admin)).resolves.toHaveProperty("code");
  });
});

describe("duplicate warnings while typing", () => {
  it("match by name or enterprise in SQL, best first, at most five, only in the actor's scope", async () => {
    const enterpriseName = unique("湖南查重有限公司");
    const base = unique("锂电池隔膜");
    const created: { id: number }[] = [];
    for (let i = 0; i < 7; i++) created.push(await newProject(w.staff, { name: `${base}${i === 0 ? "" : `（${i}期）`}项目`, enterpriseName }));
    await createProject(w.otherStaff, projectForm(w.otherPark.id, { name: `${base}项目`, enterpriseName }));

    const found = await findDuplicateProjects(w.staff, { parkId: w.park.id, name: `${base}项目`, enterpriseName });
    expect(found).toHaveLength(5);
    expect(found[0]).toMatchObject({ id: created[0].id, match: "EXACT", enterpriseName });
    expect(found.slice(1).every((d) => d.match === "SIMILAR")).toBe(true);
    expect(found.every((d) => d.id !== undefined && created.some((c) => c.id === d.id))).toBe(true);

    // Editing a project does not warn about itself.
    const self = await findDuplicateProjects(w.staff, { parkId: w.park.id, name: `${base}项目`, enterpriseName, excludeId: created[0].id });
    expect(self.map((d) => d.id)).not.toContain(created[0].id);
    // Wildcards typed by the user are text, not patterns.
    expect(await findDuplicateProjects(w.staff, { parkId: w.park.id, name: "%%%%", enterpriseName: "" })).toEqual([]);
    // Another park's id reveals nothing.
    expect((await caught(findDuplicateProjects(w.otherStaff, { parkId: w.park.id, name: `${base}项目` }))).code).toBe("NOT_FOUND");
    // A liaison only sees projects assigned to them.
    expect(await findDuplicateProjects(w.liaison, { parkId: w.park.id, name: `${base}项目`, enterpriseName })).toEqual([]);
    await assignLiaison(w.park.id, created[3].id, w.liaison.userId);
    expect((await findDuplicateProjects(w.liaison, { parkId: w.park.id, name: `${base}项目`, enterpriseName })).map((d) => d.id)).toEqual([created[3].id]);
  });
});

describe("editing a project", () => {
  async function formOf(id: number) {
    const p = await projectRow(id);
    const plan = p.yearPlans.find((y) => y.year === thisYear);
    return {
      name: p.name,
      enterpriseName: p.enterprise.name,
      creditCode: p.enterprise.creditCode ?? "",
      legalPerson: p.enterprise.legalPerson ?? "",
      contactName: p.enterprise.contactName ?? "",
      contactPhone: p.enterprise.contactPhone ?? "",
      industry: p.industry,
      source: p.source,
      keyLevel: p.keyLevel,
      specialLists: p.specialLists,
      content: p.content ?? "",
      totalInvestment: p.totalInvestment.toString(),
      contractInvestment: p.contractInvestment.toString(),
      registeredCapital: p.registeredCapital?.toString() ?? "",
      landArea: p.landArea?.toString() ?? "",
      signedDate: dateToIso(p.signedDate),
      registeredDate: p.registeredDate ? dateToIso(p.registeredDate) : "",
      landSuppliedDate: p.landSuppliedDate ? dateToIso(p.landSuppliedDate) : "",
      plannedStartDate: p.plannedStartDate ? dateToIso(p.plannedStartDate) : "",
      plannedProductionDate: p.plannedProductionDate ? dateToIso(p.plannedProductionDate) : "",
      responsibleUnit: p.responsibleUnit ?? "",
      remark: p.remark ?? "",
      plannedInvestmentThisYear: plan?.plannedInvestment.toString() ?? "",
      planStartThisYear: plan?.planStart ?? false,
      planProductionThisYear: plan?.planProduction ?? false,
      version: p.version,
    };
  }

  it("writes only what changed, bumps the version and audits the changed fields before and after", async () => {
    const { id } = await newProject(w.staff, { remark: "原备注", plannedInvestmentThisYear: "100" });
    const form = await formOf(id);
    expect(await updateProject(w.staff2, id, form)).toEqual({ version: 1, changed: [] });
    expect(await audits(id)).toHaveLength(1);

    const r = await updateProject(w.staff2, id, {
      ...form,
      totalInvestment: "60,000",
      remark: "",
      keyLevel: "PROVINCIAL",
      plannedInvestmentThisYear: "",
      planProductionThisYear: true,
    });
    expect(r).toEqual({ version: 2, changed: ["keyLevel", "totalInvestment", "remark", "plannedInvestmentThisYear", "planProductionThisYear"] });
    const p = await projectRow(id);
    expect(p.totalInvestment.toFixed(2)).toBe("60000.00");
    expect(p.remark).toBeNull();
    expect(p.keyLevel).toBe("PROVINCIAL");
    expect(p.version).toBe(2);
    expect(p.yearPlans).toMatchObject([{ year: thisYear, planProduction: true, planStart: false }]);
    expect(p.yearPlans[0].plannedInvestment.toFixed(2)).toBe("0.00");
    const last = (await audits(id)).at(-1)!;
    expect(last).toMatchObject({ action: "project.update", actorId: w.staff2.userId, parkId: w.park.id });
    expect(last.before).toEqual({ keyLevel: "CITY", totalInvestment: "50000.00", remark: "原备注", plannedInvestmentThisYear: "100.00", planProductionThisYear: false });
    expect(last.after).toEqual({ keyLevel: "PROVINCIAL", totalInvestment: "60000.00", remark: null, plannedInvestmentThisYear: "0.00", planProductionThisYear: true });

    // Planning nothing for this year removes the plan.
    await updateProject(w.staff2, id, { ...(await formOf(id)), plannedInvestmentThisYear: "", planProductionThisYear: false });
    expect((await projectRow(id)).yearPlans).toEqual([]);
  });

  it("a stale version is a conflict naming who changed which fields and when; nothing is overwritten", async () => {
    const { id } = await newProject();
    const seenByA = await formOf(id);
    const seenByB = await formOf(id);
    await updateProject(w.staff, id, { ...seenByA, totalInvestment: "70000", signedDate: "2025-02-01" });

    const e = await caught(updateProject(w.staff2, id, { ...seenByB, remark: "B 的备注", contractInvestment: "1000" }));
    expect(e).toBeInstanceOf(ProjectConflictError);
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(new RegExp(`^该项目已被 ${w.staff.name} 于 \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 修改（总投资、签约日期），您的更改未保存`));
    expect(e.fieldErrors).toEqual({ totalInvestment: [`已被 ${w.staff.name} 修改`], signedDate: [`已被 ${w.staff.name} 修改`] });
    expect((e as ProjectConflictError).conflict).toMatchObject({ actorName: w.staff.name, fields: ["totalInvestment", "signedDate"] });

    const p = await projectRow(id);
    expect(p.remark).toBeNull();
    expect(p.contractInvestment.toFixed(2)).toBe("42000.50");
    expect(p.totalInvestment.toFixed(2)).toBe("70000.00");
    expect(p.version).toBe(2);
    // The signing date moved the SIGN event and the stage date with it.
    expect(dateToIso(p.stageDate)).toBe("2025-02-01");
    expect(dateToIso((await events(id))[0].businessDate)).toBe("2025-02-01");
  });

  it("two simultaneous edits of one version: one wins, the other gets a conflict", async () => {
    const { id } = await newProject();
    const form = await formOf(id);
    const results = await Promise.allSettled([
      updateProject(w.staff, id, { ...form, remark: "甲" }),
      updateProject(w.staff2, id, { ...form, remark: "乙" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect((await projectRow(id)).version).toBe(2);
  });

  it("keeps the signing date on or before the stages reached, and the park fixed", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, { projectId: id, version: 1, toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-03-20" } });
    const form = await formOf(id);
    const e = await caught(updateProject(w.staff, id, { ...form, signedDate: "2025-04-02", plannedStartDate: "" }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { signedDate: ["签约日期不能晚于落地日期（2025-04-01）"] } });
    expect((await caught(updateProject(w.staff, id, { ...form, parkId: w.otherPark.id }))).fieldErrors).toEqual({ parkId: ["项目所属园区不能修改"] });
    // Stage dates are not edited with the record: the landing stays.
    await updateProject(w.staff, id, { ...form, signedDate: "2025-04-01" });
    const p = await projectRow(id);
    expect([p.stage, dateToIso(p.stageDate), dateToIso(p.signedDate)]).toEqual(["LANDED", "2025-04-01", "2025-04-01"]);
  });

  it("renaming the enterprise of a single project renames it; naming an existing one re-points the project", async () => {
    const { id } = await newProject();
    const before = await projectRow(id);
    const newName = unique("湖南改名后有限公司");
    await updateProject(w.staff, id, { ...(await formOf(id)), enterpriseName: newName });
    const renamed = await projectRow(id);
    expect(renamed.enterpriseId).toBe(before.enterpriseId);
    expect(renamed.enterprise.name).toBe(newName);

    const other = await newProject();
    const otherEnterprise = (await projectRow(other.id)).enterprise;
    await updateProject(w.staff, id, { ...(await formOf(id)), enterpriseName: otherEnterprise.name });
    expect((await projectRow(id)).enterpriseId).toBe(otherEnterprise.id);
    // ... unless that makes it an exact duplicate.
    const twin = await projectRow(other.id);
    const e = await caught(updateProject(w.staff, id, { ...(await formOf(id)), name: twin.name }));
    expect(e.fieldErrors?.name?.[0]).toContain(`该园区已有同名项目（${twin.code}`);
  });

  it("is refused to roles without project.write, and not found outside the park", async () => {
    const { id } = await newProject();
    const form = await formOf(id);
    for (const actor of [w.leader, w.regionLeader]) expect((await caught(updateProject(actor, id, form))).code).toBe("FORBIDDEN");
    expect((await caught(updateProject(w.liaison, id, form))).code).toBe("NOT_FOUND");
    expect((await caught(updateProject(w.otherStaff, id, form))).code).toBe("NOT_FOUND");
    await assignLiaison(w.park.id, id, w.liaison.userId);
    expect((await caught(updateProject(w.liaison, id, form))).code).toBe("FORBIDDEN");
  });
});

describe("moving stages", () => {
  it("forward one stage: the stage, its date and evidence, one event, one audit row", async () => {
    const { id } = await newProject();
    const r = await moveProjectStage(w.staff, {
      projectId: id,
      version: 1,
      toStage: "LANDED",
      landed: { date: "2025-04-01", registrationDate: "2025-03-20", landArea: "56.5" },
      note: "完成工商注册及供地",
    });
    expect(r).toEqual({ version: 2 });
    const p = await projectRow(id);
    expect(p).toMatchObject({ stage: "LANDED", status: "ACTIVE", version: 2 });
    expect([dateToIso(p.stageDate), dateToIso(p.landedDate!), dateToIso(p.registeredDate!), p.landArea!.toFixed(2)]).toEqual(["2025-04-01", "2025-04-01", "2025-03-20", "56.50"]);
    const [, landed] = await events(id);
    expect(landed).toMatchObject({
      type: "ADVANCE",
      fromStage: "SIGNED",
      toStage: "LANDED",
      fromStatus: "ACTIVE",
      toStatus: "ACTIVE",
      evidence: { registrationDate: "2025-03-20", landArea: "56.50" },
      note: "完成工商注册及供地",
      actorId: w.staff.userId,
    });
    expect(dateToIso(landed.businessDate)).toBe("2025-04-01");
    const audit = (await audits(id)).at(-1)!;
    expect(audit).toMatchObject({ action: "project.move", before: { stage: "SIGNED", stageDate: "2025-03-01", landedDate: null }, after: { stage: "LANDED", landedDate: "2025-04-01" } });
  });

  it("forward several stages at once: one event per stage, each with its own date (several may share one)", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, {
      projectId: id,
      version: 1,
      toStage: "PRODUCING",
      landed: { date: "2025-03-01", registrationDate: "2025-03-01" },
      started: { date: "2025-03-01" },
      producing: { date: "2025-10-08", capacity: "年产 5 万吨" },
    });
    const list = await events(id);
    expect(list.map((e) => [e.type, e.fromStage, e.toStage, dateToIso(e.businessDate)])).toEqual([
      ["SIGN", null, "SIGNED", "2025-03-01"],
      ["ADVANCE", "SIGNED", "LANDED", "2025-03-01"],
      ["ADVANCE", "LANDED", "STARTED", "2025-03-01"],
      ["ADVANCE", "STARTED", "PRODUCING", "2025-10-08"],
    ]);
    const p = await projectRow(id);
    expect([p.stage, dateToIso(p.stageDate), dateToIso(p.actualStartDate!), dateToIso(p.actualProductionDate!), p.capacity, p.version]).toEqual([
      "PRODUCING",
      "2025-10-08",
      "2025-03-01",
      "2025-10-08",
      "年产 5 万吨",
      2,
    ]);
    expect((await audits(id)).filter((a) => a.action === "project.move")).toHaveLength(1);
  });

  it("refuses future dates, dates before the previous stage and missing evidence; nothing changes", async () => {
    const { id } = await newProject();
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const cases: [unknown, Record<string, string[]>][] = [
      [{ toStage: "LANDED", landed: { date: tomorrow, registrationDate: "2025-03-01" } }, { "landed.date": ["落地日期不能晚于今天"] }],
      [{ toStage: "LANDED", landed: { date: "2025-02-28", registrationDate: "2025-02-01" } }, { "landed.date": ["落地日期不能早于签约日期（2025-03-01）"] }],
      [{ toStage: "LANDED", landed: { date: "2025-04-01" } }, { "landed.registrationDate": ["请填写注册日期"] }],
      [
        { toStage: "STARTED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" }, started: { date: "2025-03-31" } },
        { "started.date": ["开工日期不能早于落地日期（2025-04-01）"] },
      ],
      [{ toStage: "SIGNED" }, { toStage: ["项目已处于签约阶段"] }],
    ];
    for (const [move, fieldErrors] of cases) {
      const e = await caught(moveProjectStage(w.staff, { projectId: id, version: 1, ...(move as object) }));
      expect(e.code).toBe("VALIDATION");
      expect(e.fieldErrors).toEqual(fieldErrors);
      expect(e.message).toBe(Object.values(fieldErrors).flat()[0]);
    }
    const p = await projectRow(id);
    expect([p.stage, p.version, p.landedDate]).toEqual(["SIGNED", 1, null]);
    expect(await events(id)).toHaveLength(1);
    expect(await audits(id)).toHaveLength(1);
  });

  it("a stale version is a conflict naming the move; a racing pair has one winner", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, { projectId: id, version: 1, toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" } });
    const e = await caught(moveProjectStage(w.staff2, { projectId: id, version: 1, toStage: "STARTED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" }, started: { date: "2025-05-01" } }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain(`该项目已被 ${w.staff.name} 于`);
    expect(e.message).toContain("修改（当前阶段、阶段日期、落地日期、注册日期）");

    const race = await Promise.allSettled([
      moveProjectStage(w.staff, { projectId: id, version: 2, toStage: "STARTED", started: { date: "2025-05-01" } }),
      moveProjectStage(w.staff2, { projectId: id, version: 2, toStage: "PRODUCING", started: { date: "2025-05-02" }, producing: { date: "2025-09-01" } }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((race.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect((await projectRow(id)).version).toBe(3);
    expect((await events(id)).filter((x) => x.toStage === "STARTED")).toHaveLength(1);
  });

  it("backward is a correction: park leaders and admins only, with a reason; later stage dates are cleared", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, {
      projectId: id,
      version: 1,
      toStage: "PRODUCING",
      landed: { date: "2025-04-01", registrationDate: "2025-03-25", landArea: "20" },
      started: { date: "2025-05-01" },
      producing: { date: "2025-10-01", capacity: "年产 1 万台" },
    });
    expect((await caught(moveProjectStage(w.staff, { projectId: id, version: 2, toStage: "LANDED", reason: "录错" }))).code).toBe("FORBIDDEN");
    expect((await caught(moveProjectStage(w.regionLeader, { projectId: id, version: 2, toStage: "LANDED", reason: "录错" }))).code).toBe("FORBIDDEN");
    expect((await caught(moveProjectStage(w.otherStaff, { projectId: id, version: 2, toStage: "LANDED", reason: "录错" }))).code).toBe("NOT_FOUND");
    const noReason = await caught(moveProjectStage(w.leader, { projectId: id, version: 2, toStage: "LANDED", reason: "  " }));
    expect(noReason).toMatchObject({ code: "VALIDATION", message: "请填写更正原因", fieldErrors: { reason: ["请填写更正原因"] } });

    await moveProjectStage(w.leader, { projectId: id, version: 2, toStage: "LANDED", reason: "误将计划开工录为实际开工" });
    const p = await projectRow(id);
    expect([p.stage, dateToIso(p.stageDate), p.actualStartDate, p.actualProductionDate, p.capacity, p.version]).toEqual(["LANDED", "2025-04-01", null, null, null, 3]);
    // Registration and land stay: they are facts of the ledger.
    expect([dateToIso(p.landedDate!), dateToIso(p.registeredDate!), p.landArea!.toFixed(2)]).toEqual(["2025-04-01", "2025-03-25", "20.00"]);
    const rollback = (await events(id)).at(-1)!;
    expect(rollback).toMatchObject({
      type: "ROLLBACK",
      fromStage: "PRODUCING",
      toStage: "LANDED",
      note: "误将计划开工录为实际开工",
      actorId: w.leader.userId,
      evidence: { actualStartDate: "2025-05-01", actualProductionDate: "2025-10-01", capacity: "年产 1 万台" },
    });
    expect(dateToIso(rollback.businessDate)).toBe(today);
    expect((await getProjectHistory(w.leader, id))[0]).toMatchObject({
      kind: "stage",
      type: "ROLLBACK",
      businessDate: today,
      evidence: [
        { key: "actualStartDate", label: "已清除的实际开工日期", value: "2025-05-01" },
        { key: "actualProductionDate", label: "已清除的实际投产日期", value: "2025-10-01" },
        { key: "capacity", label: "已清除的产能", value: "年产 1 万台" },
      ],
    });
    expect((await audits(id)).at(-1)).toMatchObject({ action: "project.correct", after: { stage: "LANDED", actualStartDate: null, reason: "误将计划开工录为实际开工" } });

    // A park leader corrects but does not move forward; an admin does both.
    expect((await caught(moveProjectStage(w.leader, { projectId: id, version: 3, toStage: "STARTED", started: { date: "2025-06-01" } }))).code).toBe("FORBIDDEN");
    await expect(moveProjectStage(w.admin, { projectId: id, version: 3, toStage: "STARTED", started: { date: "2025-06-01" } })).resolves.toEqual({ version: 4 });
    await expect(moveProjectStage(w.admin, { projectId: id, version: 4, toStage: "SIGNED", reason: "合同尚未履行" })).resolves.toEqual({ version: 5 });
  });

  it("scope: another park's project is not found; a liaison reads only assigned projects and cannot move them", async () => {
    const { id } = await newProject();
    const move = { projectId: id, version: 1, toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" } };
    expect((await caught(moveProjectStage(w.otherStaff, move))).code).toBe("NOT_FOUND");
    expect((await caught(moveProjectStage(w.liaison, move))).code).toBe("NOT_FOUND");
    expect((await caught(moveProjectStage(w.staff, { ...move, projectId: 2_000_000_000 }))).code).toBe("NOT_FOUND");
    await assignLiaison(w.park.id, id, w.liaison.userId);
    expect((await caught(moveProjectStage(w.liaison, move))).code).toBe("FORBIDDEN");
    expect((await caught(moveProjectStage(w.regionLeader, move))).code).toBe("FORBIDDEN");
    expect((await projectRow(id)).version).toBe(1);
  });

  it("refuses malformed input without touching the database", async () => {
    const e = await caught(moveProjectStage(w.staff, { projectId: "abc", toStage: "DONE" }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { projectId: ["项目无效"], version: ["版本号无效，请刷新页面"], toStage: ["请选择目标阶段"] } });
    expect(await caught(moveProjectStage(w.staff, null))).toMatchObject({ code: "VALIDATION", fieldErrors: { _form: ["请求格式不正确"] } });
    expect(await caught(createProject(w.staff, "x"))).toMatchObject({ code: "VALIDATION", fieldErrors: { _form: ["请求格式不正确"] } });
  });
});

describe("suspend, terminate, resume", () => {
  it("park leaders change the status with a date and a reason; a suspended project does not move forward", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, { projectId: id, version: 1, toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" } });

    const suspend = { projectId: id, version: 2, action: "SUSPEND", date: "2025-06-01", reason: "企业资金链紧张，暂停推进" };
    expect((await caught(changeProjectStatus(w.staff, suspend))).code).toBe("FORBIDDEN");
    expect((await caught(changeProjectStatus(w.otherStaff, suspend))).code).toBe("NOT_FOUND");
    expect((await caught(changeProjectStatus(w.leader, { ...suspend, reason: "" }))).fieldErrors).toEqual({ reason: ["请填写暂缓原因"] });
    expect((await caught(changeProjectStatus(w.leader, { ...suspend, date: "2025-03-31" }))).fieldErrors).toEqual({
      date: ["暂缓日期不能早于当前阶段（落地）的落地日期（2025-04-01）"],
    });
    expect(await changeProjectStatus(w.leader, suspend)).toEqual({ version: 3 });
    let p = await projectRow(id);
    expect([p.status, dateToIso(p.statusDate!), p.statusReason, p.stage]).toEqual(["SUSPENDED", "2025-06-01", "企业资金链紧张，暂停推进", "LANDED"]);
    expect((await events(id)).at(-1)).toMatchObject({ type: "SUSPEND", fromStage: "LANDED", toStage: "LANDED", fromStatus: "ACTIVE", toStatus: "SUSPENDED", note: "企业资金链紧张，暂停推进" });
    expect((await audits(id)).at(-1)).toMatchObject({ action: "project.suspend", before: { status: "ACTIVE" }, after: { status: "SUSPENDED" } });

    const forward = await caught(moveProjectStage(w.staff, { projectId: id, version: 3, toStage: "STARTED", started: { date: "2025-07-01" } }));
    expect(forward).toMatchObject({ code: "VALIDATION", message: "项目已暂缓，不能推进阶段；请先由园区领导恢复推进" });
    expect((await caught(changeProjectStatus(w.leader, { ...suspend, version: 3 }))).fieldErrors).toEqual({ action: ["只有正常推进的项目可以暂缓（当前：暂缓）"] });

    await changeProjectStatus(w.leader, { projectId: id, version: 3, action: "TERMINATE", date: "2025-08-01", reason: "企业解约" });
    const terminated = await caught(moveProjectStage(w.staff, { projectId: id, version: 4, toStage: "STARTED", started: { date: "2025-09-01" } }));
    expect(terminated.message).toBe("项目已终止，不能推进阶段；如项目重新启动，请先由园区领导恢复推进");
    expect((await caught(changeProjectStatus(w.leader, { projectId: id, version: 4, action: "RESUME", date: "2025-07-31", reason: "重新履约" }))).fieldErrors).toEqual({
      date: ["恢复日期不能早于上次状态变更日期（2025-08-01）"],
    });
    await changeProjectStatus(w.admin, { projectId: id, version: 4, action: "RESUME", date: "2025-09-01", reason: "重新履约" });
    p = await projectRow(id);
    expect([p.status, p.version]).toEqual(["ACTIVE", 5]);
    await expect(moveProjectStage(w.staff, { projectId: id, version: 5, toStage: "STARTED", started: { date: "2025-09-02" } })).resolves.toEqual({ version: 6 });
    expect((await events(id)).map((e) => e.type)).toEqual(["SIGN", "ADVANCE", "SUSPEND", "TERMINATE", "RESUME", "ADVANCE"]);
  });

  it("a stale version is a conflict", async () => {
    const { id } = await newProject();
    await changeProjectStatus(w.leader, { projectId: id, version: 1, action: "SUSPEND", date: "2025-06-01", reason: "停滞" });
    const e = await caught(changeProjectStatus(w.admin, { projectId: id, version: 1, action: "TERMINATE", date: "2025-06-02", reason: "解约" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain(`该项目已被 ${w.leader.name} 于`);
    expect(e.message).toContain("（状态、状态变更日期、状态原因）");
  });
});

describe("project history", () => {
  it("interleaves stage events and edits, newest first, with names, dates, evidence and field labels", async () => {
    const { id } = await newProject();
    await moveProjectStage(w.staff, { projectId: id, version: 1, toStage: "STARTED", landed: { date: "2025-04-01", registrationDate: "2025-03-30", landArea: "12" }, started: { date: "2025-04-01" }, note: "落地即开工" });
    const p = await projectRow(id);
    await updateProject(w.staff2, id, {
      name: p.name,
      enterpriseName: p.enterprise.name,
      contactName: p.enterprise.contactName,
      contactPhone: p.enterprise.contactPhone,
      industry: p.industry,
      source: p.source,
      keyLevel: p.keyLevel,
      totalInvestment: "55000",
      contractInvestment: p.contractInvestment.toString(),
      landArea: "12",
      registeredDate: "2025-03-30",
      signedDate: "2025-03-01",
      plannedStartDate: "2025-09-01",
      plannedProductionDate: "2026-12-31",
      version: 2,
    });
    await changeProjectStatus(w.leader, { projectId: id, version: 3, action: "SUSPEND", date: "2025-05-01", reason: "缺少用工" });

    const history = await getProjectHistory(w.staff, id);
    expect(history.map((h) => (h.kind === "stage" ? h.type + ":" + h.toStage : "edit"))).toEqual(["SUSPEND:STARTED", "edit", "ADVANCE:STARTED", "ADVANCE:LANDED", "SIGN:SIGNED"]);
    expect(history[0]).toMatchObject({ kind: "stage", businessDate: "2025-05-01", note: "缺少用工", actorName: w.leader.name, toStatus: "SUSPENDED" });
    expect(history[1]).toMatchObject({
      kind: "edit",
      actorName: w.staff2.name,
      changes: [{ field: "totalInvestment", label: "总投资", before: "50,000 万元", after: "55,000 万元" }],
    });
    expect(history[2]).toMatchObject({ note: "落地即开工", evidence: [{ key: "actualStartDate", label: "实际开工日期", value: "2025-04-01" }] });
    expect(history[3]).toMatchObject({
      businessDate: "2025-04-01",
      actorName: w.staff.name,
      evidence: [
        { key: "registrationDate", label: "注册日期", value: "2025-03-30" },
        { key: "landArea", label: "用地面积（亩）", value: "12.00 亩" },
      ],
    });

    expect((await caught(getProjectHistory(w.otherStaff, id))).code).toBe("NOT_FOUND");
    await expect(getProjectHistory(w.regionLeader, id)).resolves.toHaveLength(5);
  });
});

describe("cost of a move", () => {
  it("is the same number of SQL statements in a park of 5 projects and one of 200", async () => {
    const small = await makePark(w.regionId);
    const large = await makePark(w.regionId);
    const admin = await makeActor([{ role: "ADMIN" }]);
    await makeManyProjects(small.id, 4);
    await makeManyProjects(large.id, 199);
    const smallOne = await createProject(admin, projectForm(small.id));
    const largeOne = await createProject(admin, projectForm(large.id));
    expect(await db().project.count({ where: { parkId: small.id } })).toBe(5);
    expect(await db().project.count({ where: { parkId: large.id } })).toBe(200);

    const jump = (projectId: number) => ({
      projectId,
      version: 1,
      toStage: "PRODUCING",
      landed: { date: "2025-04-01", registrationDate: "2025-04-01" },
      started: { date: "2025-05-01" },
      producing: { date: "2025-10-01" },
    });
    const a = await countStatements(() => moveProjectStage(admin, jump(smallOne.id)));
    const b = await countStatements(() => moveProjectStage(admin, jump(largeOne.id)));
    expect(b.statements.length).toBe(a.statements.length);
    // read, BEGIN, versioned UPDATE, one INSERT of the three events, audit INSERT, COMMIT
    expect(a.statements.length).toBeLessThanOrEqual(6);
    expect(a.statements.filter((q) => q.startsWith("INSERT INTO \"public\".\"StageEvent\""))).toHaveLength(1);

    const s = await countStatements(() => changeProjectStatus(admin, { projectId: smallOne.id, version: 2, action: "SUSPEND", date: "2025-11-01", reason: "停滞" }));
    const t = await countStatements(() => changeProjectStatus(admin, { projectId: largeOne.id, version: 2, action: "SUSPEND", date: "2025-11-01", reason: "停滞" }));
    expect(t.statements.length).toBe(s.statements.length);
    expect(s.statements.length).toBeLessThanOrEqual(6);

    // A conflict costs one more read (the audit trail), still independent of the park.
    const c1 = await countStatements(() => moveProjectStage(admin, { ...jump(smallOne.id), toStage: "SIGNED", reason: "x" }).catch((e) => e));
    const c2 = await countStatements(() => moveProjectStage(admin, { ...jump(largeOne.id), toStage: "SIGNED", reason: "x" }).catch((e) => e));
    expect(c1.result).toMatchObject({ code: "CONFLICT" });
    expect(c2.statements.length).toBe(c1.statements.length);
    // read the project, read the latest audit row, read its author's name
    expect(c1.statements.length).toBeLessThanOrEqual(3);
  });
});
