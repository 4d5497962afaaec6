import { describe, expect, it } from "vitest";
import { addDays, todayInShanghai } from "@/lib/domain/dates";
import { assignSchema, bulkReassignSchema, parseCoverageFilters } from "./assignments";
import { fieldErrors } from "@/lib/validation/field-errors";

const today = todayInShanghai();

describe("assign form", () => {
  it("normalises what a form posts", () => {
    const r = assignSchema.parse({ targetType: "ENTERPRISE", targetId: "12", role: "LEADER", userId: "7", startDate: ` ${today} `, department: "  ", note: " 双轨包保 ", currentAssignmentId: "" });
    expect(r).toEqual({ targetType: "ENTERPRISE", targetId: 12, role: "LEADER", userId: 7, startDate: today, department: null, note: "双轨包保", currentAssignmentId: null });
    expect(assignSchema.parse({ targetType: "PROJECT", targetId: 1, role: "LIAISON", userId: 2, startDate: today }).currentAssignmentId).toBeUndefined();
  });

  it("names the field and the role in every message", () => {
    const r = assignSchema.safeParse({ targetType: "PROJECT", targetId: "0", role: "LIAISON", startDate: addDays(today, 1), note: "x".repeat(501) });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      targetId: ["请选择包保对象"],
      userId: ["请选择包保责任人"],
      startDate: ["开始日期不能晚于今天"],
      note: ["备注不能超过 500 个字符"],
    });
    const noRole = assignSchema.safeParse({ targetType: "PROJECT", targetId: 1, userId: "abc", startDate: "" });
    expect(fieldErrors(noRole.error!)).toEqual({
      role: ["请选择包保角色（包保责任人或包保领导）"],
      userId: ["请选择包保人员"],
      startDate: ["请填写开始日期"],
    });
  });
});

describe("handover form", () => {
  it("takes optional park and role, blank meaning all", () => {
    expect(bulkReassignSchema.parse({ fromUserId: "3", toUserId: "4", startDate: today, parkId: "", role: "" })).toEqual({
      fromUserId: 3,
      toUserId: 4,
      startDate: today,
      parkId: undefined,
      role: undefined,
      department: null,
      note: null,
    });
    expect(bulkReassignSchema.parse({ fromUserId: 3, toUserId: 4, startDate: today, parkId: 9, role: "LIAISON" })).toMatchObject({ parkId: 9, role: "LIAISON" });
  });

  it("refuses handing over to oneself", () => {
    const r = bulkReassignSchema.safeParse({ fromUserId: 3, toUserId: "3", startDate: today });
    expect(fieldErrors(r.error!)).toEqual({ toUserId: ["接任人员不能与原包保人员相同"] });
  });
});

describe("coverage list filters", () => {
  it("drop bad values with a message and keep the rest", () => {
    const { filters, errors } = parseCoverageFilters({ liaison: "x", q: " 新材料 ", uncovered: "1", page: "2", pageSize: "30" });
    expect(filters).toEqual({ q: "新材料", uncovered: true, page: 2, pageSize: 50 });
    expect(errors).toEqual(["包保责任人须为数字", "每页条数须为 20、50、100 或 500"]);
  });
});
