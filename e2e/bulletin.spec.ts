import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

test("a region leader opens the monthly bulletin, changes the month and ranking, prints it and downloads the .xlsx", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO_ACCOUNTS.region.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "月度通报" }).click();
  const bulletin = page.getByTestId("bulletin");
  await expect(bulletin.getByRole("heading", { name: /项目推进情况通报/ })).toBeVisible();
  for (const part of ["一、总体情况", "二、园区排名", "三、红灯项目（督办）", "四、超期未办结的企业诉求"]) {
    await expect(bulletin.getByRole("heading", { name: new RegExp(part.replace(/[()（）]/g, ".")) })).toBeVisible();
  }
  // Every indicator in both conventions, set against last month; the seeded region has several parks to rank.
  await expect(page.getByTestId("bulletin-indicators").locator("tbody tr")).toHaveCount(10);
  expect(await page.getByTestId("bulletin-ranking").locator("tbody tr").count()).toBeGreaterThan(1);
  await expect(page.getByTestId("red-board").locator("li").first()).toBeVisible();

  // Another month and ranking indicator travel in the URL.
  const form = page.getByRole("form", { name: "通报范围" });
  await form.getByLabel("通报月份").selectOption({ index: 1 });
  await form.getByLabel("排名指标").selectOption({ label: "开工率（签约批次口径）" });
  await form.getByRole("button", { name: "生成" }).click();
  await expect(page).toHaveURL(/rank=startCohort/);
  await expect(bulletin.getByRole("heading", { name: /园区排名（按开工率）/ })).toBeVisible();

  // A bad month in the URL is named and the bulletin still shows.
  await page.goto("/bulletin?month=2026-13");
  await expect(page.getByRole("alert").filter({ hasText: "通报月份" })).toContainText("通报月份须为 年-月");
  await expect(bulletin).toBeVisible();

  // Printed: the navigation and the controls are gone, the bulletin stays.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("form", { name: "通报范围" })).toBeHidden();
  await expect(bulletin).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("bulletin-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/^月度通报-.+-\d{4}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets.map((w) => w.name)).toEqual(["主要指标", "园区排名", "红灯项目", "超期问题"]);
});

test("a park leader cannot open another park's bulletin", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.goto("/bulletin");
  await expect(page.getByTestId("bulletin")).toBeVisible();
  const other = await page.request.get("/api/bulletin?park=999999");
  expect(other.status()).toBe(404);
});
