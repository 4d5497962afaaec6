import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

test("a liaison's own page lists their projects, visits due and open problems with overdue ones first", async ({ page }) => {
  const [{ n }] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
     WHERE u.username = 'liaison_hhgx' AND a.role = 'LIAISON' AND a."endDate" IS NULL AND a."projectId" IS NOT NULL`,
  );
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的包保" }).click();
  await expect(page.getByRole("heading", { name: "我的包保" })).toBeVisible();
  await expect(page.getByTestId("liaison-counts")).toContainText(`包保项目${n}`);
  await expect(page.getByTestId("liaison-projects").locator("tbody tr")).toHaveCount(n);
  // Overdue problems come first: no overdue row after a row that is not overdue.
  const overdue = (await page.getByTestId("liaison-issues").locator("tbody tr").allTextContents()).map((t) => t.includes("逾期"));
  expect(overdue.length).toBeGreaterThan(0);
  expect(overdue.slice(overdue.indexOf(false) === -1 ? overdue.length : overdue.indexOf(false))).not.toContain(true);
  await page.getByRole("link", { name: "每周清单" }).click();
  await expect(page.getByRole("heading", { name: /每周清单/ })).toBeVisible();
});

test("park staff reassign a project's liaison; the history keeps who covered it before", async ({ page }) => {
  const [project] = await query<{ id: number; liaison: string }>(
    `SELECT pr.id, u.name AS liaison FROM "Project" pr
     JOIN "Park" p ON p.id = pr."parkId"
     JOIN "Assignment" a ON a."projectId" = pr.id AND a.role = 'LIAISON' AND a."endDate" IS NULL
     JOIN "User" u ON u.id = a."userId"
     WHERE p.name = '怀化经开区' AND pr.status = 'ACTIVE' ORDER BY pr.id LIMIT 1`,
  );
  const [successor] = await query<{ name: string }>(
    `SELECT u.name FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Park" p ON p.id = m."parkId"
     WHERE p.name = '怀化经开区' AND m.role = 'LIAISON' AND u.name <> $1 ORDER BY u.id LIMIT 1`,
    [project.liaison],
  );
  await signIn(page, "staff_hhjk");
  await page.goto(`/projects/${project.id}`);
  const panel = page.getByTestId("assignment-panel");
  await expect(panel).toContainText(project.liaison);
  await panel.getByRole("button", { name: "更换" }).first().click();
  const form = panel.getByRole("form", { name: "指定包保责任人" });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.locator('[data-field-error="userId"]')).toContainText("请选择包保责任人");
  const value = await form.getByLabel("人员").locator("option", { hasText: successor.name }).first().getAttribute("value");
  await form.getByLabel("人员").selectOption(value!);
  await form.getByLabel("说明（可选）").fill("原包保人员调岗");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(panel.getByTestId("assignment-message")).toHaveText("已保存");
  await expect(panel).toContainText(successor.name);
  await panel.getByText(/包保历史/).click();
  await expect(panel).toContainText(`包保责任人 ${project.liaison}`);
});

test("the coverage list (挂牌公示) shows who covers each enterprise, with phone", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.region.username);
  await page.goto("/coverage");
  await expect(page.getByRole("heading", { name: /包保挂牌公示/ })).toBeVisible();
  const rows = page.getByTestId("coverage-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText(/1\d{10}|未落实/);
});
