import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { englishOf, termIn, translateFieldErrors, translateMessage } from "./server-messages";

describe("server messages in English", () => {
  it("puts the known shapes with known field names into English", () => {
    expect(translateMessage("请填写企业名称", "en")).toBe("Please fill in the enterprise name");
    expect(translateMessage("签约日期不能晚于今天", "en")).toBe("The signing date cannot be later than today");
    expect(translateMessage("项目名称不能超过 100 个字符", "en")).toBe("The project name must be at most 100 characters");
    expect(translateMessage("园区不存在或无权查看", "en")).toBe("The park does not exist or you may not see it");
    expect(translateMessage("您没有权限执行此操作", "en")).toBe("You may not do this action");
    expect(translateMessage("签约日期不是有效日期（格式 YYYY-MM-DD）", "en")).toBe("The signing date is not a valid date (format YYYY-MM-DD)");
    expect(translateMessage("落地日期不能早于签约日期", "en")).toBe("The landing date cannot be before the signing date");
    expect(translateMessage("请检查标红的字段", "en")).toBe("Please check the fields marked in red");
    expect(translateMessage("合同引资额不能大于总投资", "en")).toBe("The contract investment cannot be more than the total investment");
    expect(translateMessage("开工日期不能早于落地日期（2025-03-10）", "en")).toBe("The start date cannot be before the landing date (2025-03-10)");
    expect(translateMessage("总投资须为数字，最多两位小数", "en")).toBe("The total investment must be a number with at most two decimals");
  });

  it("translates each sentence of a joined message, or none of it", () => {
    expect(translateMessage("请填写企业名称；请选择所属园区", "en")).toBe("Please fill in the enterprise name; please choose the park");
    expect(englishOf("请填写企业名称；已超期，不能申请延期")).toBeNull();
    expect(translateMessage("已超期，不能申请延期，请联系包保领导调整时限", "en")).toBe("已超期，不能申请延期，请联系包保领导调整时限");
  });

  it("keeps a message whole in Chinese when a field name is unknown (never half and half)", () => {
    expect(translateMessage("请填写某个从未见过的字段", "en")).toBe("请填写某个从未见过的字段");
  });

  it("puts the reminders the server writes into English, keeping the record's own names", () => {
    expect(translateMessage("问题已超期：厂区用电增容", "en")).toBe("Problem overdue: 厂区用电增容");
    expect(translateMessage("应于 2026-11-20 前走访，已超期 1 天", "en")).toBe("To visit by 2026-11-20, 1 day overdue");
    expect(translateMessage("应于 2026-11-20 前走访，已超期 15 天", "en")).toBe("To visit by 2026-11-20, 15 days overdue");
    expect(translateMessage("超期问题 1 件，应走访企业 3 家，到期会商事项 2 项", "en")).toBe("1 overdue problem, 3 enterprises to visit, 2 meeting tasks due");
    expect(translateMessage("2026年10月月报逾期未报", "en")).toBe("Monthly report for 10/2026 not filed by its due date");
    expect(translateMessage("开工：计划 2026-02-20 开工，已超过 3 个月仍未开工", "en")).toBe("Start: planned for 2026-02-20, still not started more than 3 months later");
    expect(translateMessage("投资进度：本年完成 26%，序时进度 91.7%，落后超过 30 个百分点", "en")).toBe("Investment progress: 26% completed this year against 91.7% of the year elapsed, more than 30 points behind");
    expect(translateMessage("月报：2026年11月月报待填报，截止 2026-12-07", "en")).toBe("Monthly report: 11/2026 to be filed by 2026-12-07");
  });

  it("puts the workflow's refusals into English", () => {
    expect(translateMessage("只有「收集」状态的问题可以交办", "en")).toBe("Only a newly collected problem can be assigned");
    expect(translateMessage("开工日期不能早于当前阶段（落地）的落地日期（2025-03-10）", "en")).toBe("The start date cannot be before the landing date of the current stage (Landed), 2025-03-10");
    expect(translateMessage("目标阶段（落地）须在当前阶段（开工）之后；退回前面的阶段请使用“更正回退”", "en")).toBe('The target stage (Landed) must come after the current stage (Started); to go back to an earlier stage, use "Correct back"');
    expect(translateMessage("项目已终止，不能暂缓", "en")).toBe("The project is terminated and cannot be suspended");
  });

  it("puts the meeting agenda's reasons into English", () => {
    expect(translateMessage("三级诉求（提请工委/管委会商）；超过办结时限 21 天（时限 2026-09-01）", "en")).toBe("Level-3 request (for the park committee); 21 days past the deadline (2026-09-01)");
    expect(translateMessage("在落地阶段已 295 天（园区规定 180 天）", "en")).toBe("295 days at the Landed stage (the park allows 180 days)");
  });

  it("names who changed a record (a name as written, 其他用户 in English), lists field names, splits a name from the year after it", () => {
    expect(translateMessage("该项目已被 张三 于 2026年11月20日 10:30 修改（总投资、签约日期），您的更改未保存。请刷新页面查看最新内容后重新操作", "en")).toBe(
      "张三 changed this project on 2026-11-20 10:30 (total investment, signing date), so your changes were not saved. Please reload the page to see the latest and try again",
    );
    expect(translateMessage("该问题已被 其他用户 更新，您的操作未保存。请刷新页面查看最新内容后重新操作", "en")).toMatch(/^Another user updated this problem/);
    expect(translateMessage("2026年10月已随《高新区2026年10月项目推进情况通报》定稿发布，月报已关闭：如需填报或更正，请提交更正申请，经园区领导审批后生效", "en")).toMatch(
      /^10\/2026 was published with the bulletin "高新区 project progress, 10\/2026"/,
    );
    expect(translateMessage("新材料项目：计划年份不能早于项目签约的 2024 年", "en")).toBe("新材料项目: the plan year cannot be before 2024, when the project was signed");
  });

  it("leaves Chinese alone for Chinese readers, and field maps too", () => {
    expect(translateMessage("请填写企业名称", "zh-CN")).toBe("请填写企业名称");
    expect(translateFieldErrors({ name: ["请填写项目名称"] }, "en")).toEqual({ name: ["Please fill in the project name"] });
    expect(translateFieldErrors(undefined, "en")).toBeUndefined();
  });

  it("knows every field name the audit log's change lines use (lib/domain/audit-changes.ts)", () => {
    const src = readFileSync(new URL("../domain/audit-changes.ts", import.meta.url), "utf8");
    const labels = [...new Set([...src.matchAll(/:\s*"([^"]*\p{Script=Han}[^"]*)"/gu)].map((m) => m[1]))];
    expect(labels.length).toBeGreaterThan(100);
    expect(labels.filter((l) => termIn(l, "en") === l)).toEqual([]);
  });
});
