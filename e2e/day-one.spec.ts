import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

// A park office setting itself up: the administrator creates a region, a park and its
// leader; the leader creates a staff member and a liaison; each signs in with the
// temporary password, must choose a new one, and lands on their work; the leader disables
// the liaison, whose open session stops at the next request. Then the same provisioning
// through the API with the administrator's session.

test.setTimeout(180_000);

const stamp = Date.now().toString(36);

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

async function createUser(page: Page, username: string, name: string, role: string, park: string): Promise<string> {
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名", { exact: true }).fill(username);
  await form.getByLabel("姓名", { exact: true }).fill(name);
  await form.getByLabel("角色", { exact: true }).selectOption({ label: role });
  await form.getByLabel("园区", { exact: true }).selectOption({ label: park });
  await form.getByRole("button", { name: "创建用户" }).click();
  const value = page.getByTestId("temporary-password-value");
  await expect(value).toBeVisible();
  return (await value.textContent())!.trim();
}

/** Signs in with a temporary password, is sent to choose a new one, and lands on their work. */
async function firstSignIn(page: Page, username: string, temporary: string, newPassword: string, landing: RegExp) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(temporary);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/account\?must=1/, { timeout: 30_000 });
  await expect(page.getByTestId("must-change-password")).toBeVisible();
  // Nothing else opens until the password is changed.
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/account\?must=1/);

  const form = page.getByRole("form", { name: "修改密码" });
  await form.getByLabel("新密码", { exact: true }).fill("short-1");
  await form.getByLabel("再次输入新密码").fill("short-1");
  await form.getByLabel("临时密码").fill(temporary);
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.locator("[data-field-error=newPassword]")).toContainText("至少 10 个字符");

  await form.getByLabel("新密码", { exact: true }).fill(newPassword);
  await form.getByLabel("再次输入新密码").fill(newPassword);
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(landing, { timeout: 30_000 });
}

test("day one: administrator → region, park, leader; leader → staff and liaison; each sets a password; a disabled liaison is signed out", async ({ page, browser }) => {
  const region = `试点市${stamp}`;
  const park = `试点高新区${stamp}`;

  await signIn(page, DEMO_ACCOUNTS.admin.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "园区与市州" }).click();
  const regionForm = page.getByRole("form", { name: "新增市州" });
  await regionForm.getByLabel("市州名称").fill(region);
  await regionForm.getByLabel("市州代码").fill(`SD${stamp}`);
  await regionForm.getByRole("button", { name: "新增市州" }).click();
  await expect(page.getByTestId("region-table")).toContainText(region);

  const parkForm = page.getByRole("form", { name: "新增园区" });
  await parkForm.getByLabel("园区名称").fill(park);
  await parkForm.getByLabel("园区代码").fill(`SDGX${stamp}`);
  await parkForm.getByLabel("级别").selectOption({ label: "省级" });
  await parkForm.getByLabel("类型").selectOption({ label: "高新区" });
  await parkForm.getByLabel("所属市州").selectOption({ label: region });
  // A rule broken: the code is refused on its field and nothing is created.
  await parkForm.getByLabel("园区代码").fill("代码");
  await parkForm.getByRole("button", { name: "新增园区" }).click();
  await expect(parkForm.locator("[data-field-error=code]")).toContainText("只能包含字母、数字");
  await parkForm.getByLabel("园区代码").fill(`SDGX${stamp}`);
  await parkForm.getByRole("button", { name: "新增园区" }).click();
  await expect(page.getByTestId("park-table")).toContainText(park);

  const leaderName = `lead${stamp}`;
  const leaderTemp = await createUser(page, leaderName, "试点园区领导", "园区领导", park);

  // The park leader's first day.
  const leader = await newPage(browser);
  await firstSignIn(leader, leaderName, leaderTemp, "Leader-Spring-2026", /\/dashboard/);
  const staffTemp = await createUser(leader, `staff${stamp}`, "试点工作人员", "园区工作人员", park);
  const liaisonTemp = await createUser(leader, `liai${stamp}`, "试点联络员", "包保责任人", park);
  // A leader hands out only staff and liaison roles.
  await leader.goto("/admin/users/new");
  const roleOptions = await leader.getByRole("form", { name: "新建用户" }).getByLabel("角色", { exact: true }).locator("option").allTextContents();
  expect(roleOptions).toEqual(["园区工作人员", "包保责任人"]);

  const staff = await newPage(browser);
  await firstSignIn(staff, `staff${stamp}`, staffTemp, "Staff-Spring-2026", /\/board\?park=\d+/);
  const liaison = await newPage(browser);
  await firstSignIn(liaison, `liai${stamp}`, liaisonTemp, "Liaison-Spring-2026", /\/liaison/);
  await expect(liaison.getByRole("heading", { name: "我的包保" })).toBeVisible();

  // The leader disables the liaison: the liaison's open session stops at the next request.
  await leader.goto("/admin/users");
  await leader.getByTestId("user-table").getByRole("link", { name: `liai${stamp}` }).click();
  await leader.getByRole("button", { name: "停用账号" }).click();
  await leader.getByRole("button", { name: "确认停用" }).click();
  await expect(leader.getByText("账号已停用，其登录已失效")).toBeVisible();
  await liaison.goto("/liaison");
  await expect(liaison).toHaveURL(/\/login/);

  // The same provisioning through the API with the administrator's session.
  const api = page.request;
  const r = await api.post("/api/v1/regions", { data: { name: `接口市${stamp}`, code: `API${stamp}` }, headers: { origin: new URL(page.url()).origin } });
  expect(r.status()).toBe(201);
  const regionId = ((await r.json()) as { id: number }).id;
  const p = await api.post("/api/v1/parks", { data: { name: `接口园区${stamp}`, code: `APIP${stamp}`, level: "PROVINCIAL", type: "ECONOMIC_DEV", regionId }, headers: { origin: new URL(page.url()).origin } });
  expect(p.status()).toBe(201);
  const parkId = ((await p.json()) as { id: number }).id;
  const u = await api.post("/api/v1/users", { data: { username: `apil${stamp}`, name: "接口园区领导", memberships: [{ role: "PARK_LEADER", parkId }] }, headers: { origin: new URL(page.url()).origin } });
  expect(u.status()).toBe(201);
  const created = (await u.json()) as { id: number; temporaryPassword: string };
  expect(created.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
  const bad = await api.post("/api/v1/users", { data: { username: "x", name: "", memberships: [] }, headers: { origin: new URL(page.url()).origin } });
  expect(bad.status()).toBe(422);
  const fields = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
  expect(fields).toEqual(expect.arrayContaining(["username", "name"]));
  const reset = await api.post(`/api/v1/users/${created.id}/password-reset`, { headers: { origin: new URL(page.url()).origin } });
  expect(reset.status()).toBe(200);
});
