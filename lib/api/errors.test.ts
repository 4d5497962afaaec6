import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { toErrorResponse } from "./errors";

async function body(res: Response) {
  return { status: res.status, json: (await res.json()) as { error: { code: string; message: { zh: string; en: string }; fields: { path: string; message: string; en: string }[] } } };
}

describe("toErrorResponse", () => {
  it.each([
    [new AppError("NOT_FOUND", "项目不存在或无权查看"), 404, "NOT_FOUND"],
    [new AppError("FORBIDDEN", "您没有权限"), 403, "FORBIDDEN"],
    [new AppError("CONFLICT", "已被张三修改"), 409, "CONFLICT"],
    [new AppError("VALIDATION", "请检查", { "landed.date": ["落地日期不能晚于今天"] }), 422, "VALIDATION"],
    [new AppError("BAD_REQUEST", "请求体不是有效的 JSON"), 400, "BAD_REQUEST"],
  ])("maps %s to %i", async (error, status, code) => {
    const { status: s, json } = await body(toErrorResponse(error, "test"));
    expect(s).toBe(status);
    expect(json.error.code).toBe(code);
    expect(json.error.message.zh).toBe(error.message);
    expect(json.error.message.en.length).toBeGreaterThan(5);
  });

  it("keeps field paths, each field's Chinese message and its English (the Chinese where none is known)", async () => {
    const { json } = await body(toErrorResponse(new AppError("VALIDATION", "请检查", { "landed.date": ["落地日期不能晚于今天"], _form: ["请求格式不正确"], note: ["某个从未见过的规则"] }), "t"));
    expect(json.error.fields).toEqual([
      { path: "landed.date", message: "落地日期不能晚于今天", en: "The landing date cannot be later than today" },
      { path: "", message: "请求格式不正确", en: "The request is not in the expected format" },
      { path: "note", message: "某个从未见过的规则", en: "某个从未见过的规则" },
    ]);
  });

  it("turns a ZodError into a 422 with paths", async () => {
    const r = z.object({ a: z.object({ b: z.number({ error: "b 须为数字" }) }) }).safeParse({ a: { b: "x" } });
    const { status, json } = await body(toErrorResponse(r.error, "t"));
    expect(status).toBe(422);
    expect(json.error.fields).toEqual([{ path: "a.b", message: "b 须为数字", en: "The b must be a number" }]);
  });

  it("answers anything else with a generic 500, logs it, and never leaks the message or stack", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const { status, json } = await body(toErrorResponse(new Error("connection to 10.0.0.5 refused"), "GET /x"));
    expect(status).toBe(500);
    expect(json.error.code).toBe("INTERNAL");
    expect(JSON.stringify(json)).not.toContain("10.0.0.5");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
