import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers";

// 每月会商 (docs/meetings.md) on the demo data: the seed holds last month's meeting of each park,
// held, with one follow-up task open past its deadline (协调相关部门现场办公), which this month's
// agenda must carry over. Written for `npm run test:e2e`.

test("a park leader prepares this month's meeting, records a decision with a task and finds it on the project's timeline", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "每月会商" }).click();
  await expect(page.getByRole("heading", { name: "每月会商" })).toBeVisible();
  // Last month's meeting is listed.
  await expect(page.getByRole("table").getByRole("link", { name: /项目推进会商/ }).first()).toBeVisible();

  await page.getByRole("link", { name: /^准备.*会商议程$/ }).click();
  await expect(page.getByRole("heading", { name: /^准备.*会商议程$/ })).toBeVisible();
  const form = page.getByRole("form", { name: "准备会商议程" });
  // The open follow-up of last month is on the candidate list, with the problems and projects of the record.
  await expect(form).toContainText("往期会商跟踪事项");
  await expect(form).toContainText("协调相关部门现场办公");
  await expect(form).toContainText("应开工未开工");
  await form.locator('textarea[name="freeItems"]').fill("园区污水处理厂扩建协调");
  await form.getByRole("button", { name: "定稿议程" }).click();

  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const agenda = page.getByTestId("meeting-agenda");
  await expect(agenda).toContainText("园区污水处理厂扩建协调");
  await expect(agenda).toContainText("协调相关部门现场办公");

  // A decision with a follow-up task on the first project item.
  const item = agenda.getByTestId("meeting-item").filter({ has: page.locator('a[href^="/projects/"]') }).first();
  const projectName = (await item.locator('a[href^="/projects/"]').first().textContent())!.trim();
  await item.locator('textarea[name="text"]').fill("责成经发局十个工作日内协调企业完成开工准备");
  await item.locator('input[name="tasks.0.title"]').fill("协调企业完成施工许可");
  const owner = item.locator('select[name="tasks.0.ownerId"]');
  await owner.selectOption((await owner.locator("option", { hasText: "李敏" }).first().getAttribute("value"))!);
  await item.locator('input[name="tasks.0.workdays"]').fill("10");
  await item.getByRole("button", { name: "保存议定事项" }).click();
  await expect(item.getByTestId("meeting-decision")).toContainText("责成经发局十个工作日内协调企业完成开工准备");
  await expect(item.getByTestId("meeting-task")).toContainText("协调企业完成施工许可");
  await expect(item.getByTestId("meeting-task")).toContainText("10 个工作日");

  // The minutes print without the page's controls.
  await page.getByRole("link", { name: "会议纪要（打印）" }).click();
  await expect(page.getByTestId("meeting-minutes")).toContainText("责成经发局十个工作日内协调企业完成开工准备");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印会议纪要" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.goBack();

  // The decision is on the project's timeline.
  await page.getByTestId("meeting-agenda").getByRole("link", { name: projectName }).first().click();
  await expect(page.getByRole("heading", { name: projectName })).toBeVisible();
  const decision = page.getByTestId("stage-timeline").getByTestId("timeline-decision").first();
  await expect(decision).toContainText("责成经发局十个工作日内协调企业完成开工准备");
  await expect(decision).toContainText("协调企业完成施工许可");
});
