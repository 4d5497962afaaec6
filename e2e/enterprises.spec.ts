import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

// The enterprise registry (一企一档) in the browser: registering and editing an enterprise
// without a project, 包保 at enterprise level ended without a successor, a park leader
// merging a duplicate, and the searchable enterprise picker of the visit form.

/** A name and an 18-digit credit code no other test (or run) uses. */
function fresh(label: string) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return { name: `怀化${label}${stamp.slice(-9)}有限公司`, creditCode: `9143120${stamp.slice(-11)}` };
}

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

/** Registers an enterprise through the form and lands on its page. */
async function register(page: Page, values: { name: string; creditCode?: string; legalPerson?: string }) {
  await page.goto("/enterprises/new");
  await page.getByLabel("企业名称").fill(values.name);
  if (values.creditCode) await page.getByLabel("统一社会信用代码").fill(values.creditCode);
  if (values.legalPerson) await page.getByLabel("法定代表人").fill(values.legalPerson);
  await page.getByRole("button", { name: "保存企业" }).click();
  await expect(page.getByRole("heading", { name: values.name })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("park staff register an enterprise without a project, find it by credit code and edit it", async ({ page }) => {
  const [taken] = await query<{ name: string }>(`SELECT e.name FROM "Enterprise" e JOIN "Park" p ON p.id = e."parkId" WHERE p.name = '怀化高新区' ORDER BY e.id LIMIT 1`);
  const mine = fresh("建档测试");
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "企业档案" }).click();
  await expect(page.getByRole("heading", { name: "企业档案" })).toBeVisible();
  await page.getByRole("link", { name: "新建企业" }).click();

  await page.getByRole("button", { name: "保存企业" }).click();
  await expect(page.locator('[data-field-error="name"]')).toHaveText("请填写企业名称");
  await page.getByLabel("企业名称").fill(taken.name);
  await page.getByLabel("统一社会信用代码").fill("12345");
  await page.getByRole("button", { name: "保存企业" }).click();
  await expect(page.locator('[data-field-error="creditCode"]')).toContainText("须为 18 位");
  await page.getByLabel("统一社会信用代码").fill(mine.creditCode);
  await page.getByRole("button", { name: "保存企业" }).click();
  await expect(page.locator('[data-field-error="name"]')).toContainText("本园区已有同名企业");

  await page.getByLabel("企业名称").fill(mine.name);
  await page.getByLabel("联系电话").fill("0745-2223333");
  await page.getByRole("button", { name: "保存企业" }).click();
  await expect(page.getByRole("heading", { name: mine.name })).toBeVisible();
  await expect(page.getByTestId("enterprise-facts")).toContainText(mine.creditCode);

  await page.goto("/enterprises");
  await page.getByRole("search", { name: "搜索企业" }).getByLabel("搜索").fill(mine.creditCode.slice(3));
  await page.getByRole("button", { name: "查询" }).click();
  const rows = page.getByTestId("enterprise-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: mine.name }).click();

  await page.getByRole("link", { name: "修改档案" }).click();
  await page.getByLabel("地址").fill("怀化高新区创业路 1 号");
  await page.getByLabel("联系电话").fill("电话");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.locator('[data-field-error="contactPhone"]')).toContainText("联系电话格式不正确");
  await page.getByLabel("联系电话").fill("0745-2223334");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("enterprise-facts")).toContainText("创业路 1 号");
  await expect(page.getByTestId("enterprise-contacts")).toContainText("0745-2223334");
});

test("an enterprise's 包保责任人 ended without a successor leaves it uncovered on 挂牌公示", async ({ page }) => {
  const mine = fresh("包保测试");
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await register(page, mine);
  const panel = page.getByTestId("assignment-panel");
  await panel.getByRole("button", { name: "指定" }).first().click();
  const form = panel.getByRole("form", { name: "指定包保责任人" });
  const value = await form.getByLabel("人员").locator("option").nth(1).getAttribute("value");
  await form.getByLabel("人员").selectOption(value!);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(panel.getByTestId("assignment-message")).toHaveText("已保存");

  await panel.getByRole("button", { name: "结束包保" }).click();
  const end = panel.getByTestId("end-assignment-form");
  await end.getByLabel("结束原因（可选）").fill("人员调离");
  await end.getByRole("button", { name: "确认结束" }).click();
  await expect(end).toBeHidden();
  await expect(panel.getByText("未落实")).toHaveCount(2);
  await panel.getByText(/包保历史/).click();
  await expect(panel.getByRole("listitem").filter({ hasText: /^包保责任人 .+：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}（?/ })).toHaveCount(1);

  await page.goto(`/coverage?uncovered=1&q=${encodeURIComponent(mine.name)}`);
  await expect(page.getByTestId("coverage-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("coverage-table")).toContainText(mine.name);
});

test("a park leader merges a duplicate record into the one kept; staff cannot", async ({ page, browser }) => {
  const survivor = fresh("合并保留");
  const duplicate = { ...fresh("合并重复"), legalPerson: "张测试" };
  const staff = await newPage(browser, DEMO_ACCOUNTS.staff.username);
  const survivorId = await register(staff, { name: survivor.name });
  const duplicateId = await register(staff, duplicate);
  await staff.goto(`/enterprises/${survivorId}`);
  await expect(staff.getByTestId("enterprise-facts")).toBeVisible();
  await expect(staff.getByTestId("merge-panel")).toHaveCount(0);

  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.goto(`/enterprises/${survivorId}`);
  const merge = page.getByTestId("merge-panel");
  await merge.getByRole("button", { name: "合并…" }).click();
  await expect(merge.locator('[data-field-error="duplicateId"]')).toHaveText("请选择重复的另一条企业档案");
  await expect(merge.locator('[data-field-error="reason"]')).toHaveText("请填写合并原因");

  const box = merge.getByRole("combobox", { name: /重复的另一条档案/ });
  await box.fill(duplicate.creditCode);
  await expect(merge.getByRole("option", { name: new RegExp(duplicate.name) })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue(duplicate.name);
  await merge.getByLabel(/合并原因/).fill("同一企业重复建档");
  await merge.getByRole("button", { name: "合并…" }).click();
  await expect(page.getByTestId("merge-confirm")).toContainText(`并入「${survivor.name}」`);
  await page.getByRole("button", { name: "确认合并" }).click();

  // The survivor keeps its name and takes what it lacked from the duplicate, which is gone.
  await expect(page.getByTestId("enterprise-contacts")).toContainText("张测试");
  await expect(page.getByTestId("enterprise-facts")).toContainText(duplicate.creditCode);
  await page.goto(`/enterprises/${duplicateId}`);
  await expect(page.getByRole("heading", { name: "页面不存在或无权查看" })).toBeVisible();
});

test("the visit form finds the liaison's enterprise by typing, with the keyboard", async ({ page }) => {
  const [target] = await query<{ name: string; projects: number }>(
    `SELECT e.name, (SELECT count(*)::int FROM "Project" p WHERE p."enterpriseId" = e.id AND p.status <> 'TERMINATED') AS projects
     FROM "Enterprise" e JOIN "Assignment" a ON a."enterpriseId" = e.id AND a.role = 'LIAISON' AND a."endDate" IS NULL
     JOIN "User" u ON u.id = a."userId" WHERE u.username = 'liaison_hhgx' ORDER BY e.name LIMIT 1`,
  );
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await page.goto("/visits/new");
  const box = page.getByRole("combobox", { name: /企业/ });
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.fill(target.name.slice(2, 6));
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox");
  await expect(listbox.getByRole("option", { name: new RegExp(target.name) })).toBeVisible();
  // The first option is active: the combobox points at it for screen readers.
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");

  await box.fill(target.name);
  await expect(listbox.getByRole("option").first()).toContainText(target.name);
  await box.press("Enter");
  await expect(box).toHaveValue(target.name);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByLabel("相关项目").locator("option")).toHaveCount(target.projects + 1);

  await page.getByRole("button", { name: "保存走访记录" }).click();
  await expect(page.locator('[data-field-error="summary"]')).toContainText("请填写走访情况");
});
