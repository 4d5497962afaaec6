import { type Locator, type Page, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

/** A calendar date `days` from today in Asia/Shanghai, YYYY-MM-DD. */
function shanghaiDate(days: number): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

async function createProject(page: Page, name: string, enterprise: string) {
  await page.goto("/projects/new");
  await page.getByLabel("项目名称").fill(name);
  await page.getByLabel("产业链/行业").fill("新材料");
  await page.getByLabel("企业名称").fill(enterprise);
  await page.getByLabel("总投资（万元）").fill("12,000");
  await page.getByLabel("合同引资额（万元）").fill("10000");
  await page.getByLabel("签约日期").fill(shanghaiDate(-40));
}

/** Drags a card onto a column with real pointer moves (dnd-kit's pointer sensor). */
async function drag(page: Page, card: Locator, column: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await column.boundingBox())!;
  // Grab the card by its lower part: the title is a link to the project page.
  const grabY = from.y + from.height - 10;
  await page.mouse.move(from.x + from.width / 2, grabY);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, grabY + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
}

test("staff create a project, move it through all four stages by drag and by keyboard, and see the timeline", async ({ page }) => {
  const name = `e2e 年产3万吨电池正极材料项目 ${Date.now()}`;
  const enterprise = `湖南e2e新能源科技有限公司${Date.now()}`;
  await signIn(page, DEMO_ACCOUNTS.staff.username);

  // A date rule broken in the form: refused next to its field, nothing saved.
  await createProject(page, name, enterprise);
  await page.getByLabel("计划开工日期").fill(shanghaiDate(-60));
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.locator('[data-field-error="plannedStartDate"]')).toHaveText("计划开工日期不能早于签约日期");
  expect(await query(`SELECT 1 FROM "Project" WHERE name = $1`, [name])).toHaveLength(0);

  await page.getByLabel("计划开工日期").fill(shanghaiDate(-5));
  await page.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const [{ id, parkId }] = await query<{ id: number; parkId: number }>(`SELECT id, "parkId" FROM "Project" WHERE name = $1`, [name]);

  // Board filtered to this project; drag from 签约 to 落地 and cancel: nothing moves.
  await page.goto(`/board?park=${parkId}&q=${encodeURIComponent(name)}`);
  const card = page.locator(`[data-project-id="${id}"]`);
  const column = (key: string) => page.getByTestId(`column-${key}`);
  await expect(column("SIGNED").locator(`[data-project-id="${id}"]`)).toBeVisible();
  await drag(page, card, column("LANDED"));
  const dialog = page.getByTestId("transition-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(column("SIGNED").locator(`[data-project-id="${id}"]`)).toBeVisible();

  // Drag again: a landing date in the future is refused with its message.
  await drag(page, card, column("LANDED"));
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("落地日期").fill(shanghaiDate(3));
  await dialog.getByLabel("注册日期（工商注册）").fill(shanghaiDate(-35));
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog.locator('[data-field-error="landed.date"]')).toContainText("落地日期不能晚于今天");
  await dialog.getByLabel("落地日期").fill(shanghaiDate(-30));
  await dialog.getByLabel("用地面积（亩）").fill("45.5");
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog).toBeHidden();
  await expect(column("LANDED").locator(`[data-project-id="${id}"]`)).toBeVisible();
  await expect(column("LANDED").getByTestId("column-count")).toHaveText("1");

  // Keyboard only: the card's menu, two stages at once (开工 and 投产).
  const menuButton = column("LANDED").getByRole("button", { name: `移动 ${name}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "推进到 投产" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("实际开工日期").fill(shanghaiDate(-10));
  await dialog.getByLabel("投产日期").fill(shanghaiDate(-10));
  await dialog.getByLabel("产能").fill("年产3万吨");
  await dialog.getByLabel("投产日期").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(column("PRODUCING").locator(`[data-project-id="${id}"]`)).toBeVisible();

  // The project page: one entry per stage reached, newest first, with evidence.
  await page.goto(`/projects/${id}`);
  const timeline = page.getByTestId("stage-timeline");
  await expect(timeline.locator('[data-kind="SIGN"]')).toHaveCount(1);
  await expect(timeline.locator('[data-kind="ADVANCE"]')).toHaveCount(3);
  await expect(timeline.locator("li").first()).toContainText("开工 → 投产");
  await expect(timeline).toContainText("年产3万吨");
  await expect(timeline).toContainText("签约 → 落地");
  const events = await query<{ toStage: string; businessDate: string }>(
    `SELECT "toStage", to_char("businessDate", 'YYYY-MM-DD') AS "businessDate" FROM "StageEvent" WHERE "projectId" = $1 ORDER BY id`,
    [id],
  );
  // Corrections are for leaders: staff are not offered them.
  await expect(page.getByRole("button", { name: /更正回退/ })).toHaveCount(0);
  expect(events).toEqual([
    { toStage: "SIGNED", businessDate: shanghaiDate(-40) },
    { toStage: "LANDED", businessDate: shanghaiDate(-30) },
    { toStage: "STARTED", businessDate: shanghaiDate(-10) },
    { toStage: "PRODUCING", businessDate: shanghaiDate(-10) },
  ]);
});

test("a second browser's stale edit gets the conflict message and overwrites nothing", async ({ browser }) => {
  const name = `e2e 冲突测试项目 ${Date.now()}`;
  const first = await browser.newPage();
  await signIn(first, DEMO_ACCOUNTS.staff.username);
  await createProject(first, name, `冲突测试企业${Date.now()}`);
  await first.getByRole("button", { name: "保存项目" }).click();
  await expect(first.getByRole("heading", { name })).toBeVisible();
  const [{ id }] = await query<{ id: number }>(`SELECT id FROM "Project" WHERE name = $1`, [name]);

  const second = await browser.newPage();
  await signIn(second, DEMO_ACCOUNTS.admin.username);
  await first.goto(`/projects/${id}/edit`);
  await second.goto(`/projects/${id}/edit`);

  await first.getByLabel("总投资（万元）").fill("15000");
  await first.getByRole("button", { name: "保存修改" }).click();
  await expect(first.getByRole("heading", { name })).toBeVisible();

  await second.getByLabel("合同引资额（万元）").fill("9000");
  await second.getByLabel("备注").fill("第二个浏览器的修改");
  await second.getByRole("button", { name: "保存修改" }).click();
  await expect(second.getByTestId("form-error")).toContainText("修改（总投资）");
  await expect(second.getByTestId("form-error")).toContainText("您的更改未保存");

  const [row] = await query<{ total: string; contract: string; remark: string | null }>(
    `SELECT "totalInvestment"::text AS total, "contractInvestment"::text AS contract, remark FROM "Project" WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({ total: "15000.00", contract: "10000.00", remark: null });
});

test("a park leader corrects a stage backwards with a reason", async ({ page }) => {
  const [project] = await query<{ id: number; name: string }>(
    `SELECT pr.id, pr.name FROM "Project" pr JOIN "Park" p ON p.id = pr."parkId"
     WHERE p.name = '怀化高新区' AND pr.status = 'ACTIVE' AND pr.stage = 'LANDED' ORDER BY pr.id LIMIT 1`,
  );
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("button", { name: "更正回退到 签约" }).click();
  const dialog = page.getByTestId("transition-dialog");
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog.locator('[data-field-error="reason"]')).toContainText("请填写更正原因");
  await dialog.getByLabel("原因").fill("注册信息录入有误，企业尚未完成工商注册");
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("stage-timeline").locator("li").first()).toContainText("更正回退");
  await expect(page.getByTestId("stage-timeline").locator("li").first()).toContainText("注册信息录入有误");
});

test("a column with over 100 cards loads page by page, with the header counting them all", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.username);
  await page.goto("/board");
  const column = page.getByTestId("column-SIGNED");
  const total = Number(await column.getByTestId("column-count").textContent());
  expect(total).toBeGreaterThan(100);
  await expect(column.getByTestId("project-card")).toHaveCount(6); // BOARD_FIRST_PAGE
  const more = column.getByRole("button", { name: /加载更多|加载中/ });
  while (await more.count()) {
    const before = await column.getByTestId("project-card").count();
    await column.getByRole("button", { name: /加载更多/ }).click();
    await expect(column.getByTestId("project-card")).not.toHaveCount(before);
    await expect(more.filter({ hasText: "加载中" })).toHaveCount(0);
  }
  // Other tests may add signed projects meanwhile; none is shown twice and none is missing.
  const ids = await column.getByTestId("project-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-project-id")));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(total);
});
