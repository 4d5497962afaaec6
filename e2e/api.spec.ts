import { expect, request as playwrightRequest, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

test("an administrator creates an API token, copies the secret shown once, uses it, sees its last use, revokes it; the next call is 401", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, DEMO_ACCOUNTS.admin.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接口令牌" }).click();
  await expect(page.getByRole("heading", { name: "接口令牌" })).toBeVisible();

  const form = page.getByRole("form", { name: "创建接口令牌" });
  // Nothing chosen: each problem lands on its field. (Sending it again changes nothing, so a
  // click lost while the page was still settling on a loaded machine is simply repeated.)
  await expect(async () => {
    await form.getByRole("button", { name: "创建令牌" }).click();
    await expect(form.locator('[data-field-error="name"]')).toHaveText("请填写令牌名称", { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(form.locator('[data-field-error="parkIds"]')).toHaveText("请至少选择一个园区");

  const name = `e2e 数据中台 ${Date.now().toString(36)}`;
  await form.getByLabel("令牌名称").fill(name);
  await form.getByLabel("只读").check();
  await form.getByRole("checkbox", { name: /^怀化高新区/ }).check();
  await form.getByRole("button", { name: "创建令牌" }).click();

  const secretBox = page.getByTestId("token-secret");
  await expect(secretBox).toContainText(`令牌「${name}」已创建`);
  const token = await secretBox.getByLabel("新令牌").inputValue();
  expect(token).toMatch(/^ppt_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  await secretBox.getByRole("button", { name: "复制" }).click();
  await expect(secretBox.getByRole("button", { name: "已复制" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = page.getByTestId("token-table").locator("tr", { hasText: name });
  await expect(row).toContainText("只读");
  await expect(row).toContainText("怀化高新区");
  await expect(row).toContainText("从未使用");
  await expect(row).toContainText("有效");
  await expect(row).toContainText(token.slice(0, 12));
  await secretBox.getByRole("button", { name: "我已保存，关闭" }).click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0); // shown once: the page does not keep it

  // A client with nothing but the token.
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const parks = await api.get("/api/v1/parks");
  expect(parks.status()).toBe(200);
  expect(((await parks.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(["怀化高新区"]);
  const list = await api.get("/api/v1/projects?limit=10");
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: { parkName: string }[]; total: number; nextCursor: string | null };
  expect(body.items.length).toBe(10);
  expect(body.total).toBeGreaterThan(10);
  expect(body.nextCursor).not.toBeNull();
  expect(new Set(body.items.map((p) => p.parkName))).toEqual(new Set(["怀化高新区"]));
  const write = await api.post("/api/v1/projects", { data: { name: "x" } });
  expect(write.status()).toBe(403);

  await page.reload();
  await expect(row).not.toContainText("从未使用");

  await row.getByRole("button", { name: `吊销 ${name}` }).click();
  await expect(row).toContainText("已吊销");
  await expect(row.getByRole("button", { name: /吊销/ })).toHaveCount(0);

  const after = await api.get("/api/v1/projects");
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { code: string; message: { zh: string } } }).error).toMatchObject({ code: "UNAUTHENTICATED", message: { zh: "接口令牌已被吊销" } });
  await api.dispose();
});

test("park staff: no token page, the API reference is readable, and their own session works against the API", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "接口令牌" })).toHaveCount(0);
  const blocked = await page.goto("/admin/api-tokens");
  expect(blocked?.status()).toBe(404);

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "接口文档", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "认证与令牌" })).toBeVisible();
  await expect(page.getByTestId("api-operation").filter({ hasText: "/api/v1/projects/{id}/transitions" })).toContainText("阶段推进或状态变更");

  // The session cookie of the app's own pages is accepted too, with the user's own scope.
  const res = await page.request.get("/api/v1/parks");
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(["怀化高新区"]);

  const doc = await page.request.get("/api/v1/openapi.json", { headers: { cookie: "" } });
  expect(doc.status()).toBe(200);
});
