import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { createLogger, currentRequestId, logger, withRequestId } from "@/lib/server/logger";
import { withRequestLog } from "./request-log";

const req = (headers: Record<string, string> = {}) => new Request("http://localhost/api/v1/parks?x=1", { headers });

describe("withRequestLog", () => {
  it("answers the caller's X-Request-Id and serves the request inside it", async () => {
    let seen: string | undefined;
    const handler = withRequestLog(async () => {
      seen = currentRequestId();
      return Response.json({ ok: true });
    });
    const res = await handler(req({ "x-request-id": "nginx-4f9c2a1be07d" }));
    expect(res.headers.get("x-request-id")).toBe("nginx-4f9c2a1be07d");
    expect(seen).toBe("nginx-4f9c2a1be07d");
  });

  it("makes a new id when none or an implausible one is sent", async () => {
    const handler = withRequestLog(async () => new Response("x"));
    const fresh = (await handler(req())).headers.get("x-request-id");
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    const injected = (await handler(req({ "x-request-id": 'a"b<script>' }))).headers.get("x-request-id");
    expect(injected).toMatch(/^[0-9a-f-]{36}$/);
    expect(injected).not.toBe(fresh);
  });

  it("writes one line per request with method, path, status and time", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => {});
    try {
      await withRequestLog(async () => new Response("", { status: 404 }))(req());
      expect(info).toHaveBeenCalledWith({ method: "GET", path: "/api/v1/parks", status: 404, ms: expect.any(Number) }, "api request");
    } finally {
      info.mockRestore();
    }
  });
});

describe("the logger", () => {
  it("writes JSON lines with the request id of the request being served", () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ level: "info", destination: out });
    withRequestId("req-12345678", () => log.error({ err: new Error("boom"), where: "api GET /x" }, "unexpected error"));
    log.info("outside");
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ level: "error", reqId: "req-12345678", where: "api GET /x", msg: "unexpected error", err: { message: "boom", stack: expect.stringContaining("Error: boom") } });
    expect(inside.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(outside.reqId).toBeUndefined();
  });
});
