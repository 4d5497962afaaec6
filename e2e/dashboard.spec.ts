import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

test("a park leader reads the dashboard, drills a figure down to its projects, and opens the print view", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "领导驾驶舱" })).toBeVisible();

  // Headline figures: counts, money with its unit, rates as percentages or "—".
  const signedCard = page.getByTestId("count-cohort.signed");
  const signedText = (await signedCard.getByTestId("figure").innerText()).trim();
  expect(signedText).toMatch(/^\d+ 个$/);
  await expect(page.getByTestId("count-cohort.signed-money")).toContainText(/(万元|亿元)/);
  for (const key of ["fulfilment", "landing", "startCohort", "productionCohort", "funds", "startPlan", "investmentYear"]) {
    await expect(page.getByTestId(`indicator-${key}`).getByTestId("rate")).toHaveText(/^(\d+\.\d%|—)$/);
  }
  await expect(page.getByTestId("indicator-investmentYear").getByTestId("points")).toContainText("序时进度 ");

  // The formula is one focus away.
  const tip = page.getByTestId("indicator-startCohort").getByRole("tooltip");
  await expect(tip).toBeHidden();
  await page.getByTestId("indicator-startCohort").getByLabel("计算公式").focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("开工率 = （已开工 + 已投产）项目数");

  // The funnel states the day the figures are taken as of (the period's last day).
  await expect(page.getByText(/截至\d{4}年\d{1,2}月\d{1,2}日各阶段/)).toBeVisible();

  // Charts and tables are there.
  await expect(page.getByRole("img", { name: /阶段漏斗/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /月度趋势/ })).toBeVisible();
  await expect(page.getByTestId("ranking-table")).toBeVisible();

  // Drill down: the started figure opens the list of exactly those projects.
  const startedCard = page.getByTestId("count-cohort.started");
  const started = Number((await startedCard.getByTestId("figure").innerText()).replace(/\D/g, ""));
  await startedCard.getByTestId("figure").click();
  await expect(page).toHaveURL(/\/projects\?metric=cohort\.started/);
  await expect(page.getByTestId("drill-label")).toContainText("已开工项目（含投产）");
  await expect(page.getByTestId("drill-label")).toContainText(/截至\d{4}年\d{1,2}月末/); // the figures are as of the period's end
  await expect(page.getByTestId("drill-total")).toHaveText(String(started));
  await expect(page.getByText(new RegExp(`共 ${started} 条`))).toBeVisible();

  // The signed figure too, against the list's own total.
  await page.goBack();
  await page.getByTestId("count-cohort.signed").getByTestId("figure").click();
  await expect(page.getByTestId("drill-total")).toHaveText(signedText.replace(/\D/g, ""));

  // The print view shows the same figures without the filter form.
  await page.goto("/dashboard");
  await page.getByTestId("print-view").click();
  await expect(page).toHaveURL(/\/dashboard\/print\?/);
  await expect(page.getByTestId("dashboard-print")).toBeVisible();
  await expect(page.getByRole("heading", { name: /领导驾驶舱/ })).toBeVisible();
  await expect(page.getByTestId("count-cohort.signed").getByTestId("figure")).toHaveText(signedText);
  await expect(page.getByRole("form", { name: "统计范围" })).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByTestId("indicator-startCohort").locator("p").filter({ hasText: "开工率 =" })).toBeVisible();
});

test("a liaison has no dashboard", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" })).toHaveCount(0);
  const res = await page.goto("/dashboard");
  expect(res?.status()).toBe(404);
});
