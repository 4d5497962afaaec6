import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

const NAV = ["园区概览", "项目看板", "项目台账", "我的包保", "挂牌公示", "操作日志", "人员与角色"];

const cases = [
  { account: DEMO_ACCOUNTS.admin, nav: ["园区概览", "项目看板", "项目台账", "挂牌公示", "操作日志", "人员与角色"], parks: 6, forbidden: [] as string[] },
  { account: DEMO_ACCOUNTS.region, nav: ["园区概览", "项目看板", "项目台账", "挂牌公示", "操作日志"], parks: 4, forbidden: ["/admin/users", "/admin/org"] },
  { account: DEMO_ACCOUNTS.parkLeader, nav: ["园区概览", "项目看板", "项目台账", "挂牌公示", "操作日志", "人员与角色"], parks: 1, forbidden: ["/admin/org"] },
  { account: DEMO_ACCOUNTS.staff, nav: ["园区概览", "项目看板", "项目台账", "挂牌公示"], parks: 1, forbidden: ["/admin/users", "/audit"] },
  { account: DEMO_ACCOUNTS.liaison, nav: ["园区概览", "项目看板", "项目台账", "我的包保", "挂牌公示"], parks: 1, forbidden: ["/admin/users", "/audit"] },
];

for (const c of cases) {
  test(`${c.account.role} (${c.account.username}) sees the pages of the role and no others`, async ({ page }) => {
    await signIn(page, c.account.username);
    await expect(page.getByTestId("current-user")).toContainText(c.account.role);

    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const label of NAV) {
      if (c.nav.includes(label)) await expect(nav.getByRole("link", { name: label })).toBeVisible();
      else await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
    }

    // Park overview: one row per visible park plus the totals row.
    await nav.getByRole("link", { name: "园区概览" }).click();
    const overview = page.getByTestId("park-overview");
    await expect(overview.locator("tbody tr")).toHaveCount(c.parks + 1);
    await expect(overview.locator("tbody tr").last()).toContainText("合计");

    await nav.getByRole("link", { name: "项目台账" }).click();
    await expect(page.getByRole("heading", { name: "项目台账" })).toBeVisible();
    await expect(page.getByTestId("project-table").locator("tbody tr").first()).toBeVisible();

    for (const path of c.nav.includes("人员与角色") ? ["/admin/users"] : []) {
      await page.goto(path);
      await expect(page.getByTestId("user-table")).toBeVisible();
    }
    for (const path of c.forbidden) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("页面不存在或无权查看")).toBeVisible();
    }
  });
}

test("a park's staff asking for another park's project by id gets 404", async ({ page }) => {
  const [other] = await query<{ id: number }>(
    `SELECT pr.id FROM "Project" pr JOIN "Park" p ON p.id = pr."parkId" WHERE p.name = '湘西高新区' ORDER BY pr.id LIMIT 1`,
  );
  const [own] = await query<{ id: number; name: string }>(
    `SELECT pr.id, pr.name FROM "Project" pr JOIN "Park" p ON p.id = pr."parkId" WHERE p.name = '怀化高新区' ORDER BY pr.id LIMIT 1`,
  );
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  const ok = await page.goto(`/projects/${own.id}`);
  expect(ok?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: own.name })).toBeVisible();
  const denied = await page.goto(`/projects/${other.id}`);
  expect(denied?.status()).toBe(404);
  await expect(page.getByText("页面不存在或无权查看")).toBeVisible();
});

test("a liaison sees only assigned projects", async ({ page }) => {
  const [{ n }] = await query<{ n: number }>(
    `SELECT count(DISTINCT a."projectId")::int AS n FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
     WHERE u.username = 'liaison_hhgx' AND a.role = 'LIAISON' AND a."endDate" IS NULL AND a."projectId" IS NOT NULL`,
  );
  expect(n).toBeGreaterThan(0);
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await page.goto("/projects?pageSize=100");
  await expect(page.getByText(`共 ${n} 条`)).toBeVisible();
});

test("the project list filters through the URL and reports a bad filter by name", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await page.goto("/projects?stage=STARTED&status=ACTIVE");
  const rows = page.getByTestId("project-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("开工");

  await page.goto("/projects?year=abc&stage=NOPE");
  await expect(page.getByTestId("filter-errors")).toContainText("签约年份须为数字");
  await expect(page.getByTestId("filter-errors")).toContainText("阶段须为 签约/落地/开工/投产 之一");
});
