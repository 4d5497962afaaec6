import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { createVisit } from "@/lib/server/visits/create-visit";
import { listVisits } from "@/lib/server/visits/list-visits";
import { visitFiltersSchema, type CreateVisitInput } from "@/lib/validation/issues";
import { makeActor, unique } from "../helpers/factories";
import { type IssueWorld, caught, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
const filters = (over: Record<string, unknown> = {}) => visitFiltersSchema.parse(over);

let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
});

function visitInput(over: Partial<CreateVisitInput> = {}): CreateVisitInput {
  return {
    enterpriseId: w.enterprise.id,
    projectId: w.project.id,
    visitDate: "2026-11-02",
    kind: "ON_SITE",
    peopleMet: "李经理（总经理）",
    summary: "走访了解二期厂房建设进度",
    problems: [],
    ...over,
  };
}

describe("logging a visit", () => {
  it("writes the visit and the problems raised on the spot in one transaction, numbered in order", async () => {
    const r = await createVisit(
      w.liaison,
      visitInput({
        problems: [
          { category: "LABOR", title: "技术工人招聘困难", description: "急需焊工 30 名", raisedBy: "人事部王经理" },
          { category: "FINANCING", title: "流动资金贷款", description: "申请贷款贴息 500 万元", responsibleUnit: "园区财政局", responsibleUserId: String(w.staff.userId) as never },
        ],
      }),
    );
    expect(r.issues.map((i) => i.code)).toEqual([`WT-${w.park.code}-2026-0001`, `WT-${w.park.code}-2026-0002`]);
    const visit = await db().visit.findUniqueOrThrow({ where: { id: r.id } });
    expect(visit).toMatchObject({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, liaisonId: w.liaison.userId, kind: "ON_SITE", summary: "走访了解二期厂房建设进度" });
    expect(dateToIso(visit.visitDate)).toBe("2026-11-02");

    const issues = await db().enterpriseIssue.findMany({ where: { visitId: r.id }, orderBy: { id: "asc" } });
    expect(issues.map((i) => [i.category, i.status, dateToIso(i.raisedDate), i.responsibleUserId, i.reporterId])).toEqual([
      ["LABOR", "COLLECTED", "2026-11-02", w.liaison.userId, w.liaison.userId],
      ["FINANCING", "COLLECTED", "2026-11-02", w.staff.userId, w.liaison.userId],
    ]);
    // 7 working days for 用工, 15 for 融资, from Monday 2 November.
    expect(issues.map((i) => dateToIso(i.resolveDeadline))).toEqual(["2026-11-11", "2026-11-23"]);
    expect(issues[1].responsibleUnit).toBe("园区财政局");
    // The staff member is told the second problem is theirs.
    expect(await db().notification.findMany({ where: { userId: w.staff.userId, issueId: issues[1].id }, select: { kind: true } })).toEqual([{ kind: "ISSUE_ASSIGNED" }]);
    const audits = await db().auditLog.findMany({ where: { OR: [{ entityType: "Visit", entityId: String(r.id) }, { entityType: "EnterpriseIssue", entityId: { in: issues.map((i) => String(i.id)) } }] }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["issue.create", "issue.create", "visit.create"]);
    expect(audits[2].after).toMatchObject({ issues: r.issues.map((i) => i.code), kind: "ON_SITE" });
  });

  it("a visit without problems is fine", async () => {
    const r = await createVisit(w.liaison, visitInput({ kind: "PHONE", problems: undefined, projectId: "" as never }));
    expect(r.issues).toEqual([]);
    expect(await db().visit.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ kind: "PHONE", projectId: null });
  });

  it("refuses bad input per field (problems by index) and writes nothing if any problem is wrong", async () => {
    const before = await db().visit.count({ where: { parkId: w.park.id } });
    const e = await caught(
      createVisit(w.liaison, visitInput({ kind: "EMAIL" as never, summary: " ", problems: [{ category: "LAND", title: "用地指标", description: "d" }, { category: "LAND", title: "", description: "" }] })),
    );
    expect(e).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { kind: ["请选择走访方式：走访、电话或座谈"], summary: ["请填写走访情况"], "problems.1.title": ["请填写问题标题"], "problems.1.description": ["请填写问题描述"] },
    });
    const outsider = await makeActor([{ role: "PARK_STAFF", parkId: w.otherPark.id }]);
    const bad = await caught(createVisit(w.liaison, visitInput({ problems: [{ category: "LAND", title: "用地指标", description: "d", responsibleUserId: outsider.userId }] })));
    expect(bad).toMatchObject({ code: "VALIDATION", fieldErrors: { "problems.0.responsibleUserId": ["负责人须为本园区的在岗用户"] } });
    const tooMany = await caught(createVisit(w.liaison, visitInput({ problems: Array.from({ length: 21 }, () => ({ category: "OTHER" as const, title: "t", description: "d" })) })));
    expect(tooMany.fieldErrors).toEqual({ problems: ["一次走访最多登记 20 个问题"] });
    expect(await db().visit.count({ where: { parkId: w.park.id } })).toBe(before);
  });

  it("liaisons log only their own visits to their own enterprises; staff may log for a liaison; others are refused", async () => {
    expect((await caught(createVisit(w.strayLiaison, visitInput()))).code).toBe("NOT_FOUND");
    expect((await caught(createVisit(w.liaison, visitInput({ enterpriseId: w.otherEnterprise.id, projectId: null })))).code).toBe("NOT_FOUND");
    expect(await caught(createVisit(w.liaison, visitInput({ liaisonId: w.strayLiaison.userId })))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { liaisonId: ["包保责任人只能登记本人的走访"] },
    });
    const onBehalf = await createVisit(w.staff, visitInput({ liaisonId: w.liaison.userId, kind: "MEETING" }));
    expect((await db().visit.findUniqueOrThrow({ where: { id: onBehalf.id } })).liaisonId).toBe(w.liaison.userId);
    expect(await caught(createVisit(w.staff, visitInput({ liaisonId: w.otherStaff.userId })))).toMatchObject({ fieldErrors: { liaisonId: ["走访人须为本园区的在岗用户"] } });
    expect((await caught(createVisit(w.regionLeader, visitInput()))).code).toBe("FORBIDDEN");
    expect((await caught(createVisit(w.otherStaff, visitInput()))).code).toBe("NOT_FOUND");
    expect(await caught(createVisit(w.staff, visitInput({ enterpriseId: 2_000_000_000 })))).toMatchObject({ code: "NOT_FOUND", message: "企业不存在或无权查看" });
  });
});

describe("listing visits", () => {
  let enterpriseId: number;
  beforeAll(async () => {
    // 25 visits to a fresh enterprise covered by the liaison, one per day of November.
    const e = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("湖南走访分页有限公司") } });
    enterpriseId = e.id;
    await db().assignment.create({ data: { parkId: w.park.id, role: "LIAISON", userId: w.liaison.userId, enterpriseId, startDate: isoToDate("2026-01-01") } });
    await db().visit.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        parkId: w.park.id,
        enterpriseId,
        liaisonId: w.liaison.userId,
        visitDate: isoToDate(`2026-10-${String(i + 1).padStart(2, "0")}`),
        kind: "ON_SITE" as const,
        summary: `第${i + 1}次走访`,
      })),
    });
  });

  it("pages an enterprise's visits newest first, with names and the problems raised", async () => {
    const first = await listVisits(w.staff, filters({ enterprise: enterpriseId }));
    expect(first).toMatchObject({ total: 25, page: 1, pageSize: 20, pageCount: 2 });
    expect(first.items[0]).toMatchObject({ visitDate: "2026-10-25", enterpriseName: expect.stringContaining("走访分页"), liaisonName: w.liaison.name, issueCount: 0, kind: "ON_SITE" });
    const second = await listVisits(w.staff, filters({ enterprise: enterpriseId, page: 2 }));
    expect(second.items.map((v) => v.visitDate)).toEqual(["2026-10-05", "2026-10-04", "2026-10-03", "2026-10-02", "2026-10-01"]);
    const ranged = await listVisits(w.staff, filters({ enterprise: enterpriseId, from: "2026-10-10", to: "2026-10-12" }));
    expect(ranged.total).toBe(3);
    const withProblems = await listVisits(w.staff, filters({ enterprise: w.enterprise.id, liaison: w.liaison.userId }));
    expect(withProblems.items.some((v) => v.issueCount === 2)).toBe(true);
  });

  it("a liaison sees their own and their enterprises' visits; others' are not shown; other parks are not found", async () => {
    expect((await listVisits(w.liaison, filters({ enterprise: enterpriseId }))).total).toBe(25);
    expect((await listVisits(w.strayLiaison, filters())).total).toBe(0);
    const byLiaison = await listVisits(w.leader, filters({ liaison: w.liaison.userId, pageSize: 100 }));
    expect(byLiaison.items.every((v) => v.liaisonId === w.liaison.userId)).toBe(true);
    expect((await listVisits(w.regionLeader, filters({ park: w.park.id }))).total).toBeGreaterThanOrEqual(25);
    expect((await caught(listVisits(w.otherStaff, filters({ park: w.park.id })))).code).toBe("NOT_FOUND");
    expect((await listVisits(w.otherStaff, filters({ enterprise: enterpriseId }))).total).toBe(0);
  });
});
