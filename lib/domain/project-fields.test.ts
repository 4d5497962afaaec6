import { describe, expect, it } from "vitest";
import { conflictMessage, fieldLabels, formatDateTimeZh, sortEvidence, sortFields } from "./project-fields";

describe("project field labels", () => {
  it("name fields in a stable order, stage first, once each, unknown keys left out", () => {
    expect(fieldLabels(["signedDate", "stage", "totalInvestment", "enterpriseId", "enterpriseName", "reason"])).toEqual([
      "当前阶段",
      "投资主体",
      "总投资",
      "签约日期",
    ]);
    expect(sortFields(["remark", "stageDate", "stage", "zzz"])).toEqual(["stage", "stageDate", "remark", "zzz"]);
    expect(sortEvidence(["capacity", "productionDate", "landArea", "registrationDate"])).toEqual(["registrationDate", "landArea", "productionDate", "capacity"]);
  });

  it("write times in Asia/Shanghai", () => {
    expect(formatDateTimeZh(new Date("2026-11-23T16:05:00Z"))).toBe("2026年11月24日 00:05");
    expect(formatDateTimeZh(new Date("2026-03-05T06:30:00Z"))).toBe("2026年3月5日 14:30");
  });

  it("tell who changed what and when in a conflict", () => {
    expect(conflictMessage({ actorName: "张三", at: new Date("2026-03-05T06:30:00Z"), fields: ["totalInvestment", "stage"] })).toBe(
      "该项目已被 张三 于 2026年3月5日 14:30 修改（当前阶段、总投资），您的更改未保存。请刷新页面查看最新内容后重新操作",
    );
    expect(conflictMessage({ actorName: null, at: null, fields: [] })).toBe("该项目已被 其他用户 修改，您的更改未保存。请刷新页面查看最新内容后重新操作");
  });
});
