import { describe, expect, it } from "vitest";
import { type EnterpriseRecord, changedFields, mergeFill, mergeProblem } from "./enterprises";

const record = (over: Partial<EnterpriseRecord> = {}): EnterpriseRecord => ({
  name: "湖南某某新材料有限公司",
  creditCode: null,
  legalPerson: null,
  contactName: null,
  contactPhone: null,
  address: null,
  industry: null,
  ...over,
});

describe("changedFields", () => {
  it("lists only the fields sent with a different value, with both values", () => {
    const current = record({ legalPerson: "张三", contactPhone: "0745-1234567" });
    const result = changedFields(current, { name: current.name, legalPerson: "李四", contactPhone: null, address: undefined });
    expect(result.fields).toEqual(["legalPerson", "contactPhone"]);
    expect(result.before).toEqual({ legalPerson: "张三", contactPhone: "0745-1234567" });
    expect(result.after).toEqual({ legalPerson: "李四", contactPhone: null });
  });

  it("is empty when nothing differs", () => {
    expect(changedFields(record({ industry: "新材料" }), { industry: "新材料" }).fields).toEqual([]);
  });
});

describe("merging", () => {
  it("fills the survivor's empty fields from the duplicate and never overwrites its own values", () => {
    const survivor = record({ legalPerson: "张三", address: null });
    const duplicate = record({ name: "湖南某某新材料公司", creditCode: "91431200MA4L0XXX1K", legalPerson: "王五", address: "怀化高新区", contactName: null });
    expect(mergeFill(survivor, duplicate)).toEqual({ creditCode: "91431200MA4L0XXX1K", address: "怀化高新区" });
  });

  it("keeps the survivor's name whatever the duplicate is called", () => {
    expect(mergeFill(record(), record({ name: "另一个名称" }))).not.toHaveProperty("name");
  });

  it("refuses two different credit codes and allows one or none", () => {
    expect(mergeProblem({ creditCode: "91431200MA4L0XXX1K" }, { creditCode: "91431200MA4L0YYY2K" })).toContain("统一社会信用代码不同");
    expect(mergeProblem({ creditCode: "91431200MA4L0XXX1K" }, { creditCode: "91431200MA4L0XXX1K" })).toBeNull();
    expect(mergeProblem({ creditCode: null }, { creditCode: "91431200MA4L0XXX1K" })).toBeNull();
    expect(mergeProblem({ creditCode: null }, { creditCode: null })).toBeNull();
  });
});
