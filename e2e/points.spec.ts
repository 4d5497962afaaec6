import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

// 积分考核 (docs/points.md) on the demo data: the seed holds 怀化高新区's rule versions and one
// 人工加分 for liaison_hhgx; every other point is computed from the demo record.

test("a liaison sees their points with the events behind them, from 我的包保", async ({ page }) => {
  const [adj] = await query<{ y: number; m: number; reason: string }>(
    `SELECT extract(year FROM a.date)::int AS y, extract(month FROM a.date)::int AS m, a.reason
     FROM "PointAdjustment" a JOIN "User" u ON u.id = a."userId" WHERE u.username = 'liaison_hhgx' ORDER BY a.id LIMIT 1`,
  );
  await signIn(page, DEMO_ACCOUNTS.liaison.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的包保" }).click();
  await page.getByTestId("liaison-points-link").click();
  await expect(page.getByRole("heading", { name: "我的积分" })).toBeVisible();
  await expect(page.getByTestId("points-summary")).toContainText("合计");
  const rows = page.getByTestId("point-events").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);

  // The month of the leader's 人工加分: shown as such, with the reason.
  await page.goto(`/points/events?period=month&year=${adj.y}&n=${adj.m}`);
  const manual = page.getByTestId("point-events").locator("tbody tr", { hasText: adj.reason });
  await expect(manual).toContainText("人工加分");
  await expect(manual).toContainText("+3");

  // A computed point links to the record behind it.
  await page.goto(`/points/events?period=year&year=${adj.y}&kind=VISIT_OVERDUE`);
  const link = page.getByTestId("point-events").locator("tbody tr").first().getByRole("link").first();
  const name = (await link.textContent())!.replace(/（.*$/, "");
  await link.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // Another liaison's points are not theirs to read: the list stays their own.
  const [other] = await query<{ id: number }>(`SELECT u.id FROM "User" u WHERE u.username = 'staff_hhgx'`);
  await page.goto(`/points/events?period=year&year=${adj.y}&user=${other.id}`);
  await expect(page.getByRole("heading", { name: "我的积分" })).toBeVisible();
});

test("a park leader ranks liaisons, drills into one, sets a rule from this month and records a 减分", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.parkLeader.username);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "积分考核" }).click();
  await expect(page.getByRole("heading", { name: "积分考核" })).toBeVisible();
  await page.goto("/points?period=year");
  const first = page.getByTestId("points-board").locator("tbody tr").first();
  const total = (await first.locator("td").nth(5).textContent())!.trim();
  await first.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "积分明细" })).toBeVisible();
  await expect(page.getByTestId("points-summary")).toContainText(`合计 ${total} 分`);

  await page.goto("/points/rules");
  await expect(page.getByTestId("point-rules")).toContainText("本园区");
  const form = page.getByRole("form", { name: "调整积分规则" });
  await form.getByLabel("积分事项").selectOption({ label: "按期走访" });
  await form.getByLabel(/分值/).fill("2");
  await form.getByLabel("生效日期").fill("2020-01-01");
  await form.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByTestId("form-error")).toContainText("生效日期不能早于");
  const earliest = await form.getByLabel("生效日期").getAttribute("min");
  await form.getByLabel("生效日期").fill(earliest!);
  await form.getByLabel("说明").fill("加强走访");
  await form.getByRole("button", { name: "保存规则" }).click();
  await expect(page.getByTestId("form-error")).toContainText("已保存");
  await expect(page.getByRole("table", { name: "积分规则调整记录" })).toContainText("加强走访");

  await page.goto("/points/adjustments");
  const adj = page.getByRole("form", { name: "人工加减分" });
  await adj.getByLabel("得分对象").selectOption("UNIT");
  await adj.getByLabel("责任单位").fill("招商合作局");
  await adj.getByLabel(/分值/).fill("-2");
  await adj.getByLabel("理由").fill("项目信息报送不实，被市里通报");
  await adj.getByRole("button", { name: "记录加减分" }).click();
  await expect(page.getByTestId("form-error")).toContainText("已记录");
  await expect(page.getByTestId("point-adjustments")).toContainText("项目信息报送不实，被市里通报");
});
