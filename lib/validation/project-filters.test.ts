import { describe, expect, it } from "vitest";
import { parseProjectFilters } from "./project-filters";

describe("project list filters from the URL", () => {
  it("parses good values and applies defaults", () => {
    const { filters, errors } = parseProjectFilters({ park: "3", stage: "STARTED", year: "2025", q: " 锂电 " });
    expect(errors).toEqual([]);
    expect(filters).toEqual({ park: 3, stage: "STARTED", year: 2025, q: "锂电", page: 1, pageSize: 20 });
  });

  it("drops bad values with a message naming the field and the rule", () => {
    const { filters, errors } = parseProjectFilters({ stage: "DONE", year: "1800", page: "-1", pageSize: "7", park: "abc" });
    expect(filters).toEqual({ page: 1, pageSize: 20 });
    expect(errors).toEqual(
      expect.arrayContaining(["阶段须为 签约/落地/开工/投产 之一", "签约年份不能小于 2000", "页码不能小于 1", "每页条数须为 20、50 或 100", "园区须为数字"]),
    );
  });

  it("ignores empty values and takes the first of repeated ones", () => {
    expect(parseProjectFilters({ stage: "", status: ["SUSPENDED", "ACTIVE"] }).filters).toEqual({ status: "SUSPENDED", page: 1, pageSize: 20 });
  });
});
