import { describe, expect, it } from "vitest";
import { auditChanges, collectAuditRefs, type AuditNames } from "./audit-changes";

const names: AuditNames = {
  user: new Map([[7, "张三"]]),
  park: new Map([[3, "长沙高新区"]]),
  region: new Map([[2, "长沙市"]]),
  enterprise: new Map([[11, "湖南某某新材料有限公司"]]),
  project: new Map([[5, "年产5万吨新材料项目"]]),
};

const line = (c: { label: string; before?: string | null; after?: string | null }) =>
  c.before !== undefined && c.after !== undefined ? `${c.label}：${c.before ?? "（空）"} → ${c.after ?? "（空）"}` : `${c.label}：${c.after ?? c.before}`;

describe("auditChanges", () => {
  it("an edit of the ledger: Chinese field names, money in 万元, enum values in words", () => {
    const changes = auditChanges(
      "project.update",
      { totalInvestment: "50000.00", keyLevel: "CITY", remark: null },
      { totalInvestment: "56000.00", keyLevel: "PROVINCIAL", remark: "追加投资" },
    );
    expect(changes.map(line)).toEqual(["项目级别：市重点 → 省重点", "总投资：50,000 万元 → 56,000 万元", "备注：（空） → 追加投资"]);
  });

  it("reads status by the kind of record: a project's and a problem's differ", () => {
    expect(auditChanges("project.suspend", { status: "ACTIVE" }, { status: "SUSPENDED" }).map(line)).toEqual(["状态：正常推进 → 暂缓"]);
    const issue = auditChanges(
      "issue.escalate",
      { status: "IN_PROGRESS", level: 1 },
      { level: 2, events: [{ type: "ESCALATED", note: "需协调供电公司", data: { toLevel: 2 } }] },
    );
    expect(issue.map(line)).toEqual(["问题状态：办理", "协调层级：一级（包保责任人） → 二级（包保领导）", "处理记录：提级协调（需协调供电公司）"]);
  });

  it("a creation lists the recorded values and leaves empty ones out", () => {
    const changes = auditChanges("visit.create", undefined, {
      id: 9,
      enterpriseId: 11,
      projectId: null,
      liaisonId: 7,
      visitDate: "2026-05-06",
      kind: "PHONE",
      peopleMet: "",
      summary: "电话了解投产准备",
      issues: ["WT-P1-2026-0001", "WT-P1-2026-0002"],
    }, names);
    expect(changes.map(line)).toEqual(["走访日期：2026-05-06", "走访方式：电话", "走访情况：电话了解投产准备", "登记的问题：WT-P1-2026-0001、WT-P1-2026-0002", "走访人：张三", "企业：湖南某某新材料有限公司"]);
    expect(changes.every((c) => c.before === undefined)).toBe(true);
    expect(changes.map((c) => c.key)).not.toContain("id");
  });

  it("ids become the names the server looked up, or #id when it found none", () => {
    const changes = auditChanges("membership.add", undefined, { role: "PARK_STAFF", parkId: 3, regionId: null }, names);
    expect(changes.map(line)).toEqual(["角色：园区工作人员", "园区：长沙高新区"]);
    expect(auditChanges("membership.add", undefined, { role: "LIAISON", parkId: 99 }, names).map(line)).toContain("园区：#99");
  });

  it("lists of people read as one line each: role, name, start", () => {
    const changes = auditChanges("project.create", undefined, {
      name: "年产5万吨新材料项目",
      assignments: [
        { role: "LIAISON", userId: 7, userName: "张三", startDate: "2026-03-01" },
        { role: "LEADER", userId: 8, userName: "李四", startDate: "2026-03-01" },
      ],
    });
    expect(changes.map(line)).toContain("包保人员：包保责任人 张三（2026-03-01 起）；包保领导 李四（2026-03-01 起）");
  });

  it("nested settings compare one by one", () => {
    const changes = auditChanges(
      "park.settings",
      { staleDaysSigned: 90, warningRules: { start: { enabled: true, redMonthsLate: 3 }, filing: { enabled: true } } },
      { staleDaysSigned: 60, warningRules: { start: { enabled: true, redMonthsLate: 6 }, filing: { enabled: false } } },
    );
    expect(changes.map(line)).toEqual(["签约阶段滞留天数：90 → 60", "亮灯规则·开工·红灯滞后月数：3 → 6", "亮灯规则·月度填报·启用：是 → 否"]);
  });

  it("a user's account status, and a name stored beside its id wins over the id", () => {
    expect(auditChanges("user.disable", { isActive: true }, { isActive: false }).map(line)).toEqual(["账号状态：启用 → 停用"]);
    const handover = auditChanges("assignment.bulkReassign", { userId: 7, userName: "张三" }, { userId: 8, userName: "李四", startDate: "2026-04-01" }, names);
    expect(handover.map(line)).toEqual(["包保人员：张三 → 李四", "开始日期：2026-04-01"]);
  });

  it("timestamps in Beijing time, long text cut short", () => {
    const [revoked] = auditChanges("apiToken.revoke", { revokedAt: null }, { revokedAt: "2026-05-06T02:30:00.000Z" });
    expect(line(revoked)).toBe("吊销时间：（空） → 2026-05-06 10:30");
    const [long] = auditChanges("visit.create", undefined, { summary: "很".repeat(500) });
    expect(long.after!.length).toBe(201);
    expect(long.after!.endsWith("…")).toBe(true);
  });

  it("a merge says which fields the surviving record took over, and which record went", () => {
    const changes = auditChanges(
      "enterprise.merge",
      { survivor: { name: "某某公司", creditCode: null }, duplicate: { name: "某某有限公司", creditCode: "91430100MA4L000001" } },
      { survivor: { name: "某某公司", creditCode: "91430100MA4L000001" }, duplicateId: 12, filled: ["creditCode"], moved: { projects: 2, visits: 0 } },
    );
    const lines = changes.map(line);
    expect(lines).toContain("保留的企业·统一社会信用代码：（空） → 91430100MA4L000001");
    expect(lines).toContain("并入的重复企业·企业名称：某某有限公司");
    expect(lines).toContain("补全的字段：统一社会信用代码");
    expect(lines).toContain("转入的记录·项目：2");
    expect(lines.some((l) => l.startsWith("保留的企业·企业名称"))).toBe(false);
  });

  it("the demo seed's summary reads in Chinese, timings left out", () => {
    const changes = auditChanges("seed.demo", undefined, { today: "2026-11-28", created: true, users: 42, parksSeeded: ["HHGX", "XXGX"], totals: { projects: 333 }, elapsedMs: 0 });
    expect(changes.map(line)).toEqual(["数据日期：2026-11-28", "有新建数据：是", "新建用户：42", "生成演示数据的园区：HHGX、XXGX", "演示数据·项目：333"]);
  });

  it("nothing recorded, nothing listed", () => {
    expect(auditChanges("auth.signIn", null, null)).toEqual([]);
  });
});

describe("collectAuditRefs", () => {
  it("finds ids by kind through nested objects and lists, once each", () => {
    const refs = collectAuditRefs([
      { parkId: 3, memberships: [{ role: "LIAISON", parkId: 4 }], liaisonId: 7 },
      { parkIds: [3, 5], enterpriseId: "11", projectId: null, userId: "x" },
    ]);
    expect(refs.park.sort()).toEqual([3, 4, 5]);
    expect(refs.user).toEqual([7]);
    expect(refs.enterprise).toEqual([11]);
    expect(refs.project).toEqual([]);
  });
});
