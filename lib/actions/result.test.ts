import { describe, expect, it } from "vitest";
import { fieldErrorsFromFormatted, outcome } from "./result";

describe("action results", () => {
  it("turns formatted validation errors into dotted paths", () => {
    expect(
      fieldErrorsFromFormatted({ _errors: ["整体不对"], name: { _errors: ["请填写项目名称"] }, landed: { _errors: [], date: { _errors: ["请填写落地日期"] } } }),
    ).toEqual({ _form: ["整体不对"], name: ["请填写项目名称"], "landed.date": ["请填写落地日期"] });
  });

  it("gives one shape for data, server errors and validation errors", () => {
    expect(outcome({ data: { id: 3 } })).toEqual({ ok: true, data: { id: 3 } });
    expect(outcome({})).toEqual({ ok: true, data: undefined });
    expect(outcome({ serverError: { code: "CONFLICT", message: "已被他人修改" } })).toEqual({ ok: false, code: "CONFLICT", message: "已被他人修改" });
    expect(outcome({ validationErrors: { name: ["请填写项目名称"] } })).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "请填写项目名称",
      fieldErrors: { name: ["请填写项目名称"] },
    });
    expect(outcome({ validationErrors: { name: ["a"], phone: ["b"] } })).toMatchObject({ ok: false, message: "请检查标红的字段" });
  });
});
