import { describe, expect, it } from "vitest";
import { PERMISSIONS_POLICY, contentSecurityPolicy, isCrossSiteWrite, newNonce, securityHeaders, servedOverHttps } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("Content-Security-Policy", () => {
  it("allows scripts only with the request's nonce, and nothing external anywhere", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      // No host, no scheme wildcard: only 'self', the nonce and local data:/blob: images.
      for (const s of sources) expect(`${name} ${s}`).toMatch(/ ('self'|'none'|'nonce-[^']+'|'strict-dynamic'|'unsafe-inline'|data:|blob:)$/);
    }
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect([...csp.get("script-src")!, ...csp.get("style-src")!]).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("over https upgrades sub-requests; in development allows eval and unnonced styles", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the other headers", () => {
  it("framing, sniffing, referrer, features", () => {
    const h = securityHeaders({ nonce: "n" });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("same-origin");
    expect(h["Permissions-Policy"]).toBe(PERMISSIONS_POLICY);
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    expect(h["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(h["Content-Security-Policy"]).toContain("'nonce-n'");
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe("max-age=31536000");
  });

  it("https is what NEXTAUTH_URL says (next-auth's switch for Secure cookies)", () => {
    expect(servedOverHttps("https://park.example.cn")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
  });
});

describe("cross-site writes", () => {
  const req = (method: string, pathname: string, headers: Record<string, string>) => ({ method, pathname, headers: new Headers(headers) });
  const host = { host: "park.example.cn" };

  it.each([
    ["a server action from another site", req("POST", "/projects/new", { ...host, origin: "https://evil.example", "next-action": "7f00" })],
    ["an API write with the session cookie from another site", req("PATCH", "/api/v1/projects/1", { ...host, origin: "https://evil.example", cookie: "next-auth.session-token=x" })],
    ["a DELETE from another port", req("DELETE", "/api/v1/users/1/memberships/2", { ...host, origin: "https://park.example.cn:8443" })],
    ["Origin null (a sandboxed frame)", req("POST", "/board", { ...host, origin: "null" })],
    ["an unreadable Origin", req("POST", "/board", { ...host, origin: "::::" })],
    ["no Host to compare with", req("POST", "/board", { origin: "https://park.example.cn" })],
    ["a bearer token outside the REST API", req("POST", "/api/import/commit", { ...host, origin: "https://evil.example", authorization: "Bearer x" })],
    ["behind a proxy, another site than X-Forwarded-Host", req("POST", "/board", { host: "127.0.0.1:3000", "x-forwarded-host": "park.example.cn", origin: "http://127.0.0.1:3000" })],
  ])("refuses %s", (_name, r) => expect(isCrossSiteWrite(r)).toBe(true));

  it.each([
    ["the app's own page", req("POST", "/projects/new", { ...host, origin: "https://park.example.cn", "next-action": "7f00" })],
    ["the same host in other letter case", req("POST", "/board", { host: "Park.Example.cn", origin: "https://park.example.cn" })],
    ["behind a proxy that sets X-Forwarded-Host", req("POST", "/board", { host: "127.0.0.1:3000", "x-forwarded-host": "park.example.cn, 10.0.0.1", origin: "https://park.example.cn" })],
    ["a read from another site", req("GET", "/api/v1/projects", { ...host, origin: "https://evil.example" })],
    ["no Origin (a script or an old client)", req("POST", "/api/v1/projects", { ...host, cookie: "next-auth.session-token=x" })],
    ["an API token client on another origin", req("POST", "/api/v1/projects", { ...host, origin: "https://bi.example", authorization: "Bearer ppt_x" })],
  ])("lets through %s", (_name, r) => expect(isCrossSiteWrite(r)).toBe(false));
});
