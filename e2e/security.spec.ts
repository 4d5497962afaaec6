import { type Page, type Response, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

// The security headers (lib/http/security-headers.ts, applied by proxy.ts) on a page, an
// API response, a download and a static file; the app working under its CSP (scripts by
// nonce only) with no violation; and writes from another site refused with a 403.

/** What the browser refused under the page's CSP: every securitypolicyviolation event, and the console's reports. */
async function violations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)),
  );
  page.on("console", (m) => {
    if (/CSP violation|Content Security Policy|Refused to/i.test(m.text())) seen.push(`${page.url()} ${m.text()}`);
  });
  return seen;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/https?:|\*/);
}

const nonceOf = (res: Response | null) => /'nonce-([^']+)'/.exec(res?.headers()["content-security-policy"] ?? "")?.[1];

test("a page, an API response, a download and a static file carry the security headers; scripts run by the page's nonce", async ({ page }) => {
  const seen = await violations(page);
  const login = await page.goto("/login");
  expectSecurityHeaders(login!.headers(), "login page");
  const nonce = nonceOf(login);
  // Every script of the page carries the nonce of this response, and no other.
  const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  await signIn(page, DEMO_ACCOUNTS.staff.username);
  const board = await page.goto("/board");
  expectSecurityHeaders(board!.headers(), "board");
  expect(nonceOf(board)).not.toBe(nonce); // a fresh one per request

  const api = await page.request.get("/api/v1/parks");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api.headers(), "API response");

  const download = await page.request.get("/api/export/projects");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  expectSecurityHeaders(download.headers(), "download");
  expect((await download.body()).subarray(0, 2).toString()).toBe("PK");

  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  const stylesheet = await page.request.get(css!);
  expect(stylesheet.headers()["content-type"]).toContain("text/css");
  expectSecurityHeaders(stylesheet.headers(), "stylesheet");
  expect(seen).toEqual([]);
});

test("the dashboard's charts, their tooltips and the print view work under the policy", async ({ page }) => {
  const seen = await violations(page);
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.goto("/dashboard");
  const trend = page.getByRole("img", { name: /月度趋势/ });
  await expect(trend.locator("svg").first()).toBeVisible();
  const box = (await trend.boundingBox())!;
  expect(box.height).toBeGreaterThan(100); // its height is a style attribute React rendered on the server
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 15, box.y + box.height / 2, { steps: 3 });
  await page.goto("/dashboard/print");
  await expect(page.getByRole("img", { name: /阶段漏斗/ }).locator("svg").first()).toBeVisible();
  expect(seen).toEqual([]);
});

test("every main page renders under the policy without a violation", async ({ page }) => {
  const seen = await violations(page);
  await signIn(page, DEMO_ACCOUNTS.admin.username);
  for (const path of ["/parks", "/projects", "/projects/new", "/issues", "/visits", "/visits/new", "/enterprises", "/progress", "/warnings", "/coverage", "/bulletin", "/import", "/api-docs", "/audit", "/admin/users", "/admin/org", "/admin/holidays", "/admin/api-tokens", "/account", "/notifications"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator("h1").first(), path).toBeVisible();
  }
  expect(seen).toEqual([]);
});

test("the board's drag and drop works under the policy", async ({ page }) => {
  const seen = await violations(page);
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await page.goto("/board");
  const card = page.getByTestId("column-SIGNED").locator("[data-project-id]").first();
  const from = (await card.boundingBox())!;
  const to = (await page.getByTestId("column-LANDED").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 10);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
  const dialog = page.getByTestId("transition-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  expect(seen).toEqual([]);
});

test("writes from another site are refused with a 403 in the usual shape, never a 500; the app's own pass", async ({ page, baseURL }) => {
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  const evil = "https://evil.example";

  // The REST API with the signed-in session's cookie.
  const apiWrite = await page.request.post("/api/v1/projects", { headers: { Origin: evil }, data: { name: "跨站" } });
  expect(apiWrite.status()).toBe(403);
  expect(await apiWrite.json()).toMatchObject({ error: { code: "FORBIDDEN", message: { zh: expect.stringMatching(/^跨站请求被拒绝/) }, fields: [] } });
  expectSecurityHeaders(apiWrite.headers(), "refused API write");

  // A server action (Next's own origin check would throw: a 500).
  const action = await page.request.post("/projects/new", {
    headers: { Origin: evil, "Next-Action": "7f".padEnd(42, "0"), "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  expect(await action.json()).toEqual({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/^跨站请求被拒绝/) });

  // The same write from the app's own origin reaches the API (and its validation).
  const own = await page.request.post("/api/v1/projects", { headers: { Origin: baseURL! }, data: { name: "" } });
  expect(own.status()).toBe(422);
});
