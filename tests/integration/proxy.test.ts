// proxy.ts as Next calls it, before any route: the security headers on what passes (with
// the CSP also set on the request, where Next finds the nonce for its scripts) and a 403 in
// the usual error shapes for writes from another site, server actions included (Next's own
// origin check throws there, a 500). Against a running server: e2e/security.spec.ts.

import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import * as S from "@/lib/api/schemas";

const APP = "http://park.example.cn";
const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "park.example.cn", ...init.headers } });

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("same-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
}

describe("what passes", () => {
  it.each(["/login", "/api/v1/projects", "/api/export/projects?park=1", "/_next/static/chunks/main.js", "/favicon.ico"])("%s gets every header", (path) => {
    const res = proxy(req(path));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expectSecurityHeaders(res);
  });

  it("a fresh nonce per request, handed to Next on the request's CSP header", () => {
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const a = proxy(req("/dashboard"));
    const b = proxy(req("/dashboard"));
    const nonce = nonceOf(a.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    expect(nonceOf(b.headers.get("content-security-policy"))).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) passes request headers to Next this way.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(a.headers.get("content-security-policy"));
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("same-site writes and token clients pass", () => {
    expect(proxy(req("/projects/new", { method: "POST", headers: { origin: APP, "next-action": "7f00aa" } })).status).toBe(200);
    expect(proxy(req("/api/v1/projects", { method: "POST", headers: { origin: "https://bi.example", authorization: "Bearer ppt_x" } })).status).toBe(200);
  });
});

describe("writes from another site", () => {
  it("a server action: 403 in the action result's failure shape", async () => {
    const res = proxy(req("/projects/new", { method: "POST", headers: { origin: "https://evil.example", "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8" } }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/^跨站请求被拒绝/) });
    expectSecurityHeaders(res);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("an API %s with the session cookie: 403 in the API's error shape", async (method) => {
    const res = proxy(req("/api/v1/projects/1", { method, headers: { origin: "https://evil.example", cookie: "next-auth.session-token=abc" } }));
    expect(res.status).toBe(403);
    const body = S.apiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message.zh).toMatch(/^跨站请求被拒绝/);
    expectSecurityHeaders(res);
  });

  it("an upload or sign-out from another site, and Origin null", async () => {
    for (const [path, origin] of [["/api/import/commit", "https://evil.example"], ["/api/auth/signout", "https://evil.example"], ["/board", "null"]]) {
      expect(proxy(req(path, { method: "POST", headers: { origin } })).status, path).toBe(403);
    }
  });
});
