import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

// Accessibility: axe-core (WCAG 2.x A and AA rules) on the main pages of each role, at a
// desktop width and on a phone; no serious or critical violation may remain. Then what axe
// cannot see: the keyboard paths of the header, the board and its dialog.

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 3).join(" ")}`) }));
}

async function expectAccessible(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByTestId("current-user")).toBeAttached();
  // Charts render after hydration; let the page settle before it is examined.
  await page.waitForLoadState("networkidle");
  expect(await seriousViolations(page), path).toEqual([]);
}

async function ids() {
  const [project] = await query<{ id: number }>(
    `SELECT pr.id FROM "Project" pr JOIN "Park" p ON p.id = pr."parkId" WHERE p.name = '怀化高新区' AND pr.stage = 'STARTED' ORDER BY pr.id LIMIT 1`,
  );
  // A problem the liaison answers for (as 包保责任人), open and overdue if there is one.
  const [issue] = await query<{ id: number }>(
    `SELECT i.id FROM "EnterpriseIssue" i
     JOIN "Assignment" a ON a."enterpriseId" = i."enterpriseId" AND a.role = 'LIAISON' AND a."endDate" IS NULL
     JOIN "User" u ON u.id = a."userId" AND u.username = 'liaison_hhgx'
     WHERE i.status <> 'CLOSED' ORDER BY i."resolveDeadline", i.id LIMIT 1`,
  );
  return { project: project.id, issue: issue.id };
}

const PAGES: Record<keyof typeof DEMO_ACCOUNTS, (ids: { project: number; issue: number }) => string[]> = {
  admin: () => ["/admin/users", "/projects", "/board", "/dashboard", "/bulletin", "/warnings"],
  region: () => ["/dashboard", "/bulletin", "/board", "/projects"],
  parkLeader: (i) => ["/dashboard", "/board", "/issues", `/issues/${i.issue}`, "/warnings", "/admin/users"],
  staff: (i) => ["/board", "/projects", `/projects/${i.project}`, "/issues", "/visits/new", "/progress"],
  liaison: (i) => ["/liaison", "/liaison/weekly", "/visits/new", "/issues", `/issues/${i.issue}`],
};

for (const [role, pages] of Object.entries(PAGES) as [keyof typeof DEMO_ACCOUNTS, (typeof PAGES)[keyof typeof PAGES]][]) {
  test(`${DEMO_ACCOUNTS[role].role}: the main pages have no serious or critical axe violations`, async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page, DEMO_ACCOUNTS[role].username);
    for (const path of pages(await ids())) await expectAccessible(page, path);
  });
}

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  async function expectFits(page: Page, path: string) {
    await expectAccessible(page, path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(390);
  }

  test("a liaison's field pages have no serious or critical axe violations and do not scroll sideways", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO_ACCOUNTS.liaison.username);
    const { issue } = await ids();
    for (const path of ["/liaison", "/visits/new", `/issues/${issue}`, "/board", "/issues"]) await expectFits(page, path);
  });

  test("a park leader's dashboard and board stack without scrolling sideways", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
    for (const path of ["/dashboard", "/board", "/projects", "/warnings"]) await expectFits(page, path);
  });

  test("the header folds into a menu and the skip link jumps to the content", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.staff.username);
    await page.goto("/projects");
    const nav = page.getByRole("navigation", { name: "主导航" });
    const toggle = page.getByRole("button", { name: "菜单" });
    await expect(nav).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "项目看板" })).toBeVisible();
    await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // Escape closes it and the focus is back on the button.
    await nav.getByRole("link", { name: "项目看板" }).focus();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(toggle).toBeFocused();
    // A page opened from the menu closes it.
    await toggle.click();
    await nav.getByRole("link", { name: "企业诉求" }).click();
    await expect(page).toHaveURL(/\/issues/);
    await expect(nav).toBeHidden();

    // On a freshly loaded page the first Tab stop is the skip link; following it puts the focus on <main>.
    await page.goto("/issues");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("the board shows one stage at a time with tabs that carry the counts", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.staff.username);
    await page.goto("/board");
    const tabs = page.getByTestId("stage-tabs");
    await expect(tabs.getByRole("button", { name: /签约/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("column-SIGNED")).toBeVisible();
    await expect(page.getByTestId("column-LANDED")).toBeHidden();
    const count = await page.getByTestId("column-LANDED").getByTestId("column-count").textContent();
    await expect(tabs.getByRole("button", { name: /落地/ })).toContainText(count!.trim());
    await tabs.getByRole("button", { name: /落地/ }).click();
    await expect(page.getByTestId("column-LANDED")).toBeVisible();
    await expect(page.getByTestId("column-SIGNED")).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("a region leader's bulletin fits: its lists are cards, the ranking scrolls inside its own frame", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO_ACCOUNTS.region.username);
    await expectFits(page, "/bulletin");
    const indicator = page.getByTestId("bulletin-indicators").locator("tbody tr").first();
    await expect(indicator.locator("td").nth(1)).toHaveAttribute("data-label", "口径");
    const [a, b] = [await indicator.locator("td").nth(0).boundingBox(), await indicator.locator("td").nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThan(a!.y);
    const ranking = page.getByRole("region", { name: /园区排名表/ });
    expect(await ranking.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  test("the folded filters say how many are set, and 清除 clears them", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.staff.username);
    await page.goto("/projects?stage=SIGNED&q=%E5%B9%B4%E4%BA%A7");
    const toggle = page.getByRole("button", { name: /筛选条件/ });
    await expect(toggle).toHaveAccessibleName(/已设 2 项/);
    await expect(page.getByTestId("filter-count")).toHaveText("2");
    await page.getByRole("link", { name: "清除" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByTestId("filter-count")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "清除" })).toHaveCount(0);
  });

  test("a list's rows are cards of 'header: value' lines", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.staff.username);
    await page.goto("/projects");
    const firstRow = page.getByTestId("project-table").locator("tbody tr").first();
    await expect(firstRow.locator("td").nth(5)).toHaveAttribute("data-label", "阶段");
    // The row's cells stack: the second cell starts below the first, not beside it.
    const [a, b] = [await firstRow.locator("td").nth(0).boundingBox(), await firstRow.locator("td").nth(1).boundingBox()];
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(Math.abs(b!.x - a!.x)).toBeLessThan(2);
  });
});

test("a client-side move puts the focus on the new page's heading; the first load and a change of query do not", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await page.goto("/projects");
  await expect(page.locator("main h1")).not.toBeFocused();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "企业诉求" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.locator("main h1")).toBeFocused();
  // The next Tab goes on from the page's top, not from the navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);
  // Another page of the same list: the person stays where they were.
  const next = page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "2", exact: true });
  await next.focus();
  await next.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator("main h1")).not.toBeFocused();
});

test("the board by keyboard: one Tab stop, arrow keys between cards and columns, the 移动 menu, Escape and the dialog give the focus back", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO_ACCOUNTS.staff.username);
  await page.goto("/board");
  const board = page.getByTestId("board");
  const signed = page.getByTestId("column-SIGNED").getByTestId("project-card");
  const landed = page.getByTestId("column-LANDED").getByTestId("project-card");
  await expect(signed.first()).toBeVisible();

  // One card of the whole board is in the Tab order; the links and buttons inside are not.
  await expect(board.locator('[data-testid="project-card"][tabindex="0"]')).toHaveCount(1);
  await expect(board.locator('[data-testid="project-card"] a[tabindex="0"], [data-testid="project-card"] button:not([tabindex="-1"])')).toHaveCount(0);
  await signed.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(signed.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(signed.first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(landed.first()).toBeFocused();
  await expect(landed.first()).toHaveAttribute("tabindex", "0");
  // Tab leaves the board and Shift+Tab comes back to the card last focused.
  await page.keyboard.press("Shift+Tab");
  await expect(landed.first()).not.toBeFocused();
  await page.keyboard.press("Tab");
  await expect(landed.first()).toBeFocused();

  // M opens the card's menu: a real menu, arrow keys move, Escape closes it back onto the card.
  await page.keyboard.press("m");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const items = menu.getByRole("menuitem");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(landed.first()).toBeFocused();

  // A choice opens the dialog; cancelling it gives the focus back to the card.
  await page.keyboard.press("m");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("transition-dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(landed.first()).toBeFocused();

  // The live region speaks Chinese, never dnd-kit's English defaults.
  await expect(page.locator("body")).not.toContainText("Draggable item");
  await expect(page.locator("body")).not.toContainText("To pick up a draggable item");
});

test("a leader's card menu says why it has no 推进 entries; a liaison's overdue problem says why it cannot be extended", async ({ browser }) => {
  const leader = await browser.newPage();
  await signIn(leader, DEMO_ACCOUNTS.parkLeader.username);
  await leader.goto("/board");
  const card = leader.getByTestId("column-LANDED").getByTestId("project-card").first();
  await card.getByRole("button", { name: /^移动 / }).click();
  await expect(leader.getByRole("menu")).toContainText("推进项目由园区工作人员操作");
  await expect(leader.getByRole("menuitem", { name: /推进到/ })).toHaveCount(0);
  await leader.keyboard.press("Escape");

  const [overdue] = await query<{ id: number }>(
    `SELECT i.id FROM "EnterpriseIssue" i
     JOIN "Assignment" a ON a."enterpriseId" = i."enterpriseId" AND a.role = 'LIAISON' AND a."endDate" IS NULL
     JOIN "User" u ON u.id = a."userId" AND u.username = 'liaison_hhgx'
     WHERE i.status NOT IN ('CLOSED') AND i."resolveDeadline" < (now() AT TIME ZONE 'Asia/Shanghai')::date
       AND NOT EXISTS (SELECT 1 FROM "IssueExtension" x WHERE x."issueId" = i.id AND x.status = 'PENDING')
     ORDER BY i.id LIMIT 1`,
  );
  expect(overdue, "the demo data gives every liaison an overdue problem").toBeTruthy();
  const liaison = await browser.newPage();
  await signIn(liaison, DEMO_ACCOUNTS.liaison.username);
  await liaison.goto(`/issues/${overdue.id}`);
  await expect(liaison.getByTestId("issue-action-notes")).toContainText("已超期，不能申请延期，请联系包保领导调整时限");
  await expect(liaison.getByRole("button", { name: "申请延期" })).toHaveCount(0);
});
