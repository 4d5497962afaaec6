import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn, withJobWorker } from "./helpers";

// Far from any deadline the other specs count in working days.
const YEAR = 2099;
const THURSDAY = `${YEAR}-01-01`;
const SATURDAY = `${YEAR}-01-03`;
const MONDAY = `${YEAR}-01-05`;

test("an administrator keeps the holiday calendar: adds a 法定节假日 and a 调休 workday, a weekday 调休 is refused, deletes them", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await signIn(page, DEMO_ACCOUNTS.admin.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "节假日" }).click();
  await expect(page.getByRole("heading", { name: /年节假日安排$/ })).toBeVisible();
  await expect(page.getByTestId("holiday-table").locator("tbody tr").first()).toBeVisible();

  await page.goto(`/admin/holidays?year=${YEAR}`);
  await expect(page.getByRole("heading", { name: `${YEAR}年节假日安排` })).toBeVisible();
  const form = page.getByRole("form", { name: "添加节假日" });
  const table = page.getByTestId("holiday-table");

  await form.getByRole("button", { name: "添加" }).click();
  await expect(form.locator('[data-field-error="date"]')).toHaveText("请填写日期");
  await expect(form.locator('[data-field-error="name"]')).toHaveText("请填写名称");

  await form.getByLabel("日期").fill(THURSDAY);
  await form.getByLabel("类型").selectOption("HOLIDAY");
  await form.getByLabel("名称").fill("测试元旦");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(page.getByTestId("holiday-message")).toContainText(`${THURSDAY} 法定节假日（测试元旦）`);
  await expect(table.locator(`tr[data-date="${THURSDAY}"]`)).toContainText("星期四");
  await expect(table.locator(`tr[data-date="${THURSDAY}"]`)).toContainText("法定节假日");

  // A 调休 working day only exists on a weekend.
  await form.getByLabel("日期").fill(MONDAY);
  await form.getByLabel("类型").selectOption("WORKDAY");
  await form.getByLabel("名称").fill("测试调休上班");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(form.locator('[data-field-error="date"]')).toHaveText("调休上班日须为周六或周日");
  await expect(page.getByTestId("holiday-message")).toHaveText("调休上班日须为周六或周日");
  await expect(table.locator(`tr[data-date="${MONDAY}"]`)).toHaveCount(0);

  await form.getByLabel("日期").fill(SATURDAY);
  await form.getByRole("button", { name: "添加" }).click();
  await expect(page.getByTestId("holiday-message")).toContainText(`${SATURDAY} 调休上班（测试调休上班）`);
  await expect(form.locator("[data-field-error]")).toHaveCount(0);
  await expect(table.locator(`tr[data-date="${SATURDAY}"]`)).toContainText("星期六");
  await expect(table.locator(`tr[data-date="${SATURDAY}"]`)).toContainText("调休上班");

  for (const date of [THURSDAY, SATURDAY]) {
    await table.getByRole("button", { name: `删除 ${date}` }).click();
    await expect(table.locator(`tr[data-date="${date}"]`)).toHaveCount(0);
  }
  await expect(table).toContainText(`${YEAR}年尚未录入节假日安排`);
  const left = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Holiday" WHERE date BETWEEN $1 AND $2`, [`${YEAR}-01-01`, `${YEAR}-12-31`]);
  expect(left[0].n).toBe(0);
});

test("the bell shows the unread count; the notifications page lists them, filters unread, and marks them read", async ({ page }) => {
  // Someone reminded of at least three overdue problems they have not read about yet, outside
  // the parks the other specs change (the test reads them: a rerun takes the next person).
  const [user] = await query<{ id: number; username: string }>(
    `WITH due AS (
       SELECT i.id, i."responsibleUserId", i."projectId", i."enterpriseId" FROM "EnterpriseIssue" i JOIN "Park" p ON p.id = i."parkId"
       WHERE i.status <> 'CLOSED' AND i."resolveDeadline" < (now() AT TIME ZONE 'Asia/Shanghai')::date AND p.name NOT IN ('怀化高新区', '怀化经开区')
     ), recipients AS (
       SELECT id, "responsibleUserId" AS "userId" FROM due WHERE "responsibleUserId" IS NOT NULL
       UNION
       SELECT due.id, a."userId" FROM due
       JOIN "Assignment" a ON a.role = 'LIAISON' AND a."endDate" IS NULL AND (a."projectId" = due."projectId" OR a."enterpriseId" = due."enterpriseId")
     )
     SELECT u.id, u.username FROM recipients r JOIN "User" u ON u.id = r."userId" AND u."isActive"
     WHERE NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id AND n."issueId" = r.id AND n."readAt" IS NOT NULL)
     GROUP BY u.id, u.username HAVING count(*) >= 3 ORDER BY count(*) DESC, u.username LIMIT 1`,
  );
  if (!user) throw new Error("the demo data has nobody with three unread overdue reminders outside 怀化");
  const unread = async () =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, [user.id]))[0].n;

  await signIn(page, user.username);
  const bell = page.getByTestId("notification-bell");
  // The job worker writes the deadline reminders (never a page render); the bell shows them all.
  test.setTimeout(120_000);
  let n = 0;
  await withJobWorker(() =>
    expect(async () => {
      await page.reload();
      n = await unread();
      expect(n).toBeGreaterThanOrEqual(3);
      await expect(bell.getByTestId("notification-count")).toHaveText(String(n), { timeout: 1000 });
    }).toPass({ timeout: 45_000 }),
  );
  await expect(bell).toHaveAttribute("aria-label", `通知：${n} 条未读`);

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "通知" })).toBeVisible();
  await expect(page.getByText(`未读 ${n} 条`)).toBeVisible();
  const items = page.getByTestId("notification-item");
  // The worker also writes the other reminders (督办, 走访, 月报 …), newest first: the overdue
  // problems' reminders are among them, one per problem.
  await expect(items.first()).toBeVisible();
  const [overdue] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1 AND kind = 'ISSUE_OVERDUE'`, [user.id]);
  expect(overdue.n).toBeGreaterThanOrEqual(3);
  await expect(page.locator('[data-testid="notification-item"][data-unread="true"]')).toHaveCount(Math.min(n, 20));

  await page.getByRole("link", { name: /仅看未读/ }).click();
  await expect(page).toHaveURL(/unread=1/);
  await expect(items).toHaveCount(Math.min(n, 20));
  await expect(page.locator('[data-testid="notification-item"][data-unread="false"]')).toHaveCount(0);

  // 标为已读 on one: it leaves the unread list and the bell counts one less.
  await items.first().getByRole("button", { name: "标为已读" }).click();
  await expect(page.getByText(`未读 ${n - 1} 条`)).toBeVisible();
  await expect(bell.getByTestId("notification-count")).toHaveText(String(n - 1));
  expect(await unread()).toBe(n - 1);

  // Opening one marks it read, then follows its link to the problem.
  const link = items.filter({ has: page.locator('a[href^="/issues/"]') }).first().getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/issues\/\d+$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  expect(await unread()).toBe(n - 2);

  await page.goto("/notifications");
  await expect(page.getByText(`未读 ${n - 2} 条`)).toBeVisible();
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect(page.getByText(`已将 ${n - 2} 条通知标为已读`)).toBeVisible();
  await expect(page.getByText("没有未读通知")).toBeVisible();
  await expect(bell.getByTestId("notification-count")).toHaveCount(0);
  await expect(page.locator('[data-testid="notification-item"][data-unread="true"]')).toHaveCount(0);
  expect(await unread()).toBe(0);
});

test("park staff hand every 包保 of a leaving liaison to another liaison at once", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  // liaison.spec reassigns the first project's liaison to the first other liaison: leave both alone.
  const [first] = await query<{ userId: number }>(
    `SELECT a."userId" FROM "Project" pr JOIN "Park" p ON p.id = pr."parkId"
     JOIN "Assignment" a ON a."projectId" = pr.id AND a.role = 'LIAISON' AND a."endDate" IS NULL
     WHERE p.name = '怀化经开区' AND pr.status = 'ACTIVE' ORDER BY pr.id LIMIT 1`,
  );
  const liaisons = await query<{ id: number; name: string; active: number }>(
    `SELECT u.id, u.name,
       (SELECT count(*)::int FROM "Assignment" a WHERE a."userId" = u.id AND a."parkId" = p.id AND a.role = 'LIAISON' AND a."endDate" IS NULL) AS active
     FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Park" p ON p.id = m."parkId"
     WHERE p.name = '怀化经开区' AND m.role = 'LIAISON' AND u."isActive" ORDER BY u.id`,
  );
  const untouched = new Set([first?.userId, liaisons.find((l) => l.id !== first?.userId)?.id]);
  const free = liaisons.filter((l) => !untouched.has(l.id));
  const from = free.filter((l) => l.active > 0).sort((a, b) => b.active - a.active)[0];
  const to = free.find((l) => l.id !== from?.id);
  if (!from || !to) throw new Error("the demo data has no two more 怀化经开区 liaisons, one with active assignments");

  await signIn(page, "staff_hhjk");
  await page.goto("/coverage");
  await page.getByRole("link", { name: "包保移交" }).click();
  await expect(page).toHaveURL(/\/coverage\/reassign\?park=\d+$/);
  await expect(page.getByRole("heading", { name: "包保移交" })).toBeVisible();
  const form = page.getByRole("form", { name: "包保移交" });
  await expect(form.getByLabel("园区")).toHaveValue(/\d+/);
  await expect(form.locator("#reassign-role")).toHaveValue("LIAISON");

  await form.getByRole("button", { name: "移交" }).click();
  await expect(form.locator('[data-field-error="fromUserId"]')).toHaveText("请选择原包保人员");
  await expect(form.locator('[data-field-error="toUserId"]')).toHaveText("请选择接任人员");

  await form.locator("#reassign-from").selectOption(String(from.id));
  await form.locator("#reassign-to").selectOption(String(to.id));
  await form.getByLabel(/备注/).fill("原包保人员调岗");
  await expect(page.getByTestId("reassign-preview")).toHaveText(`将移交 ${from.name} 在岗的包保责任人 ${from.active} 项给 ${to.name}`);
  await form.getByRole("button", { name: "移交" }).click();

  const result = page.getByTestId("reassign-result");
  await expect(result).toContainText(`已将 ${from.active} 项包保移交给 ${to.name}`);
  await expect(result).toContainText(`怀化经开区 · 包保责任人 ${from.active} 项`);
  await expect(form.locator("[data-field-error]")).toHaveCount(0);
  // The person who left has nothing more to hand over.
  await expect(form.locator(`#reassign-from option[value="${from.id}"]`)).toHaveCount(0);

  const [after] = await query<{ from: number; to: number }>(
    `SELECT
       (SELECT count(*)::int FROM "Assignment" WHERE "userId" = $1 AND role = 'LIAISON' AND "endDate" IS NULL) AS "from",
       (SELECT count(*)::int FROM "Assignment" WHERE "userId" = $2 AND role = 'LIAISON' AND "endDate" IS NULL AND note = '原包保人员调岗') AS "to"`,
    [from.id, to.id],
  );
  expect(after.from).toBe(0);
  expect(after.to).toBeGreaterThanOrEqual(from.active);
});

test("without the permissions there is no holiday page, no 包保移交 and no link to it", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "节假日" })).toHaveCount(0);
  for (const path of ["/admin/holidays", "/coverage/reassign"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.goto("/coverage");
  await expect(page.getByRole("heading", { name: /包保挂牌公示/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "包保移交" })).toHaveCount(0);
});
