import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

/** Today in Asia/Shanghai as [year, month, day]. */
function shanghaiToday(): [number, number, number] {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m, d];
}
/** First day of the month `back` months before this one, YYYY-MM-DD. */
function monthStart(back: number): string {
  const [y, m] = shanghaiToday();
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
}

test("staff file last month's progress; the project's light turns green on its page, the board and the red list", async ({ page }) => {
  const stamp = Date.now();
  const name = `e2e 月度填报测试项目 ${stamp}`;
  const lastMonth = monthStart(1); // the month to file
  const lastKey = lastMonth.slice(0, 7);
  const lastLabel = `${Number(lastMonth.slice(0, 4))}年${Number(lastMonth.slice(5, 7))}月`;
  await signIn(page, DEMO_ACCOUNTS.staff.username);

  // A project signed two months ago that started on the first day of last month: it owes last month's report.
  await page.goto("/projects/new");
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("产业链/行业").fill("新材料");
  await page.getByLabel("企业名称").fill(`湖南e2e填报科技有限公司${stamp}`);
  await page.getByLabel("总投资（万元）").fill("20000");
  await page.getByLabel("合同引资额（万元）").fill("15000");
  await page.getByLabel("签约日期").fill(monthStart(2));
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const [{ id, parkId }] = await query<{ id: number; parkId: number }>(`SELECT id, "parkId" FROM "Project" WHERE name = $1`, [name]);

  await page.getByRole("button", { name: "推进到 开工" }).click();
  const dialog = page.getByTestId("transition-dialog");
  await dialog.getByLabel("落地日期").fill(monthStart(2));
  await dialog.getByLabel("注册日期（工商注册）").fill(monthStart(2));
  await dialog.getByLabel("实际开工日期").fill(lastMonth);
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog).toBeHidden();

  // This year's plan on the project page (bad amount first: refused by field).
  const plan = page.getByTestId("year-plan");
  await plan.getByRole("button", { name: "设置年度计划" }).click();
  await plan.getByLabel("本年计划投资（万元）").fill("abc");
  await plan.getByRole("button", { name: "保存" }).click();
  await expect(plan.locator('[data-field-error="plannedInvestment"]')).toHaveText("本年计划投资须为数字，最多两位小数");
  await plan.getByLabel("本年计划投资（万元）").fill("1,000");
  await plan.getByRole("button", { name: "保存" }).click();
  await expect(plan).toContainText("本年计划投资 1,000 万元");

  // Not filed yet: the filing light is yellow (before the 5th working day) or red (after), never green.
  const details = page.getByTestId("light-details");
  await expect(details.locator('[data-rule="filing"]')).toHaveAttribute("data-light", /^(YELLOW|RED)$/);
  const lightBefore = await details.getByTestId("warning-light").getAttribute("data-light");
  expect(["YELLOW", "RED"]).toContain(lightBefore);
  await expect(details).toContainText("月报：");

  // The board card carries the same light.
  await page.goto(`/board?park=${parkId}&q=${encodeURIComponent(name)}`);
  await expect(page.locator(`[data-project-id="${id}"]`).getByTestId("warning-light")).toHaveAttribute("data-light", lightBefore!);

  // The monthly filing grid: the project is listed as not filed; file it there.
  await page.goto(`/progress?park=${parkId}&month=${lastKey}`);
  const row = page.locator(`[data-testid="progress-row"][data-project-id="${id}"]`);
  await expect(row).toContainText("未填报");
  await row.getByRole("button", { name: `填报 ${name}` }).click();
  const form = page.getByTestId("progress-form");
  await form.getByRole("button", { name: "提交填报" }).click();
  await expect(form.locator('[data-field-error="investmentCompleted"]')).toHaveText("请填写本月完成投资");
  await expect(form.locator('[data-field-error="imageProgress"]')).toHaveText("请填写形象进度");
  await form.getByLabel("本月完成投资（万元）").fill("1,000");
  await form.getByLabel("本月到位资金（万元）").fill("-3");
  await form.getByLabel("形象进度").fill("场地平整完成，主体基础施工");
  await form.getByRole("button", { name: "提交填报" }).click();
  await expect(form.locator('[data-field-error="fundsArrived"]')).toHaveText("本月到位资金不能为负数");
  await form.getByLabel("本月到位资金（万元）").fill("600");
  await form.getByRole("button", { name: "提交填报" }).click();
  await expect(row).toContainText("已填报");
  await expect(row.getByTestId("filed-by")).toContainText(/\S+ \d+\/\d+/);
  await expect(row).toContainText("1,000 万元");
  // The form has closed; the confirmation stays.
  await expect(page.getByTestId("progress-saved")).toContainText(`已填报：${name}`);

  // All lights green now: the project page, the board card, and it is not on the red list.
  await page.goto(`/projects/${id}`);
  await expect(details.getByTestId("warning-light")).toHaveAttribute("data-light", "GREEN");
  await expect(details.locator('[data-rule="filing"]')).toHaveAttribute("data-light", "GREEN");
  await expect(page.getByTestId("progress-totals")).toContainText("1,000 万元");
  await page.goto(`/board?park=${parkId}&q=${encodeURIComponent(name)}`);
  await expect(page.locator(`[data-project-id="${id}"]`).getByTestId("warning-light")).toHaveAttribute("data-light", "GREEN");
  await page.goto(`/warnings?park=${parkId}`);
  await expect(page.getByTestId("red-total")).toBeVisible();
  await expect(page.locator(`[data-testid="red-row"][data-project-id="${id}"]`)).toHaveCount(0);

  // A correction to nothing done: the history keeps the 1,000, and the progress light follows the rule.
  await page.goto(`/projects/${id}`);
  await page.getByRole("button", { name: `更正 ${lastLabel}` }).click();
  await page.getByTestId("progress-form").getByLabel("本月完成投资（万元）").fill("0");
  await page.getByTestId("progress-form").getByRole("button", { name: "保存更正" }).click();
  const reportRow = page.getByTestId("progress-report-row").first();
  await expect(reportRow).toContainText("已更正 1 次");
  await expect(page.getByTestId("progress-saved")).toContainText("已更正");
  await reportRow.getByRole("button", { name: "记录 2" }).click();
  await expect(page.getByTestId("report-history")).toContainText("完成投资 1,000 万元 → 0 万元");
  // Started on the 1st of last month: one of the (13 - that month) months left in its first year has elapsed.
  const [, thisMonth] = shanghaiToday();
  const startMonth = Number(lastMonth.slice(5, 7));
  const behind = thisMonth === 1 ? 0 : 100 / (13 - startMonth);
  const expected = behind > 30 ? "RED" : behind >= 10 ? "YELLOW" : "GREEN";
  await expect(details.locator('[data-rule="progress"]')).toHaveAttribute("data-light", expected);
  if (expected === "RED") {
    await page.goto(`/warnings?park=${parkId}&kind=progress`);
    await expect(page.locator(`[data-testid="red-row"][data-project-id="${id}"]`)).toContainText("投资进度：本年完成 0%");
  }
  const rows = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityType" = 'ProgressReport' AND "parkId" = $1 AND after->>'projectId' = $2 ORDER BY id`, [parkId, String(id)]);
  expect(rows.map((r) => r.action)).toEqual(["progress.file", "progress.correct"]);
});

test("a park leader sees the filing grid and the missing list but cannot file", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "亮灯督办" }).click();
  await expect(page.getByRole("heading", { name: /红灯项目督办清单/ })).toBeVisible();
  await expect(page.getByTestId("red-row").first()).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByTestId("filing-summary")).toContainText("您在本园区只能查看，不能填报");
  await expect(page.getByRole("button", { name: /^填报 / })).toHaveCount(0);
  await page.getByRole("link", { name: "未填报清单" }).click();
  await expect(page.getByTestId("missing-by-park")).toBeVisible();
  await expect(page.getByTestId("missing-by-person")).toBeVisible();
});
