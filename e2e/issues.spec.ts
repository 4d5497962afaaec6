import { type Page, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, query, signIn } from "./helpers";

async function act(page: Page, action: string, fill: Record<string, string> = {}, selects: Record<string, string> = {}, message = `已${action}`) {
  const panel = page.getByTestId("issue-actions");
  await panel.getByRole("button", { name: action, exact: true }).click();
  const form = panel.getByRole("form", { name: action });
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
  for (const [label, value] of Object.entries(selects)) await form.getByLabel(label).selectOption({ label: value });
  await form.getByRole("button", { name: `确认${action}` }).click();
  await expect(panel.getByTestId("issue-action-message")).toHaveText(message);
}

test("a liaison logs a visit with a problem; the leader escalates it; answered, closed 基本满意, reopened, closed 满意", async ({ browser }) => {
  test.setTimeout(150_000); // two people, nine steps
  const title = `e2e 用地指标未落实 ${Date.now()}`;
  const liaison = await browser.newPage();
  await signIn(liaison, DEMO_ACCOUNTS.liaison.username);
  await liaison.goto("/visits/new");
  const form = liaison.getByTestId("visit-form");
  // The enterprise is searched, not listed: type part of one the liaison covers and pick it.
  const [covered] = await query<{ name: string }>(
    `SELECT e.name FROM "Enterprise" e JOIN "Assignment" a ON a."enterpriseId" = e.id AND a.role = 'LIAISON' AND a."endDate" IS NULL
     JOIN "User" u ON u.id = a."userId" WHERE u.username = 'liaison_hhgx' ORDER BY e.name LIMIT 1`,
  );
  const picker = form.getByRole("combobox", { name: /企业/ });
  await picker.fill(covered.name);
  await expect(liaison.getByRole("listbox").getByRole("option").first()).toContainText(covered.name);
  await picker.press("Enter");
  await expect(picker).toHaveValue(covered.name);
  await form.getByLabel("接待人员").fill("总经理 张三");
  await form.getByRole("button", { name: "＋ 添加现场反映的问题" }).click();
  // A problem without its title is refused with the field named.
  await form.getByLabel("走访情况").fill("了解项目用地报批进展");
  await form.getByLabel("类别").selectOption({ label: "用地" });
  await form.getByLabel("问题描述").fill("二期用地指标尚未落实，影响开工");
  await form.getByRole("button", { name: "保存走访记录" }).click();
  await expect(form.locator('[data-field-error="p0.title"]')).toContainText("问题标题");
  await form.getByLabel("问题标题").fill(title);
  await form.getByRole("button", { name: "保存走访记录" }).click();
  await expect(liaison.getByRole("heading", { name: title })).toBeVisible();
  await expect(liaison.getByTestId("flash-notice")).toContainText("已保存走访记录");
  const issueUrl = liaison.url();
  await expect(liaison.getByTestId("issue-status")).toContainText("收集");

  const leader = await browser.newPage();
  await signIn(leader, DEMO_ACCOUNTS.parkLeader.username);
  await leader.goto(issueUrl);
  await act(leader, "交办", { 责任单位: "自然资源局" });
  await expect(leader.getByTestId("issue-status")).toContainText("交办");

  // Escalating needs a note.
  const panel = leader.getByTestId("issue-actions");
  await panel.getByRole("button", { name: "提级协调", exact: true }).click();
  await panel.getByRole("form", { name: "提级协调" }).getByRole("button", { name: "确认提级协调" }).click();
  await expect(panel.getByTestId("issue-action-message")).not.toHaveText("已提级协调");
  await panel.getByRole("form", { name: "提级协调" }).getByLabel("提级协调的理由").fill("需包保领导召集自然资源、发改部门会商");
  await panel.getByRole("form", { name: "提级协调" }).getByRole("button", { name: "确认提级协调" }).click();
  await expect(panel.getByTestId("issue-action-message")).toHaveText("已提级协调");
  await expect(leader.getByTestId("issue-status")).toContainText("二级");

  await act(leader, "开始办理");
  await act(leader, "反馈办理结果", { 办理结果: "已协调调剂用地指标 30 亩，待省厅批复" });
  // Less than 满意 reopens it for review, and the message says so.
  await act(leader, "销号", {}, { 企业满意度: "基本满意" }, "企业评价“基本满意”，已重新打开，待复核");
  await expect(leader.getByTestId("issue-status")).toContainText("办理");
  await expect(leader.getByTestId("issue-history").locator('[data-event="REOPENED"]')).toHaveCount(1);

  await act(leader, "反馈办理结果", { 办理结果: "省厅已批复，用地指标落实到位" });
  await act(leader, "销号", {}, { 企业满意度: "满意" });
  await expect(leader.getByTestId("issue-status")).toContainText("销号");

  // The liaison sees the final state in the history too.
  await liaison.reload();
  await expect(liaison.getByTestId("issue-history").locator('[data-event="CLOSED"]')).toHaveCount(2);
});

test("an overdue problem shows on the liaison's page and in the leader's overdue list", async ({ browser }) => {
  const liaison = await browser.newPage();
  await signIn(liaison, DEMO_ACCOUNTS.liaison.username);
  await liaison.goto("/liaison");
  const overdueRow = liaison.getByTestId("liaison-issues").locator("tbody tr", { hasText: "逾期" }).first();
  await expect(overdueRow).toBeVisible();
  const title = (await overdueRow.locator("a").first().textContent())!.trim();

  const leader = await browser.newPage();
  await signIn(leader, DEMO_ACCOUNTS.parkLeader.username);
  await leader.goto("/issues");
  await leader.getByTestId("issue-figures").getByRole("link", { name: /超期未办结/ }).click();
  await expect(leader).toHaveURL(/overdue=1/);
  await leader.goto(`${leader.url()}&pageSize=100`);
  const rows = leader.getByTestId("issue-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.allTextContents()) expect(row).toContain("超期");
  await expect(leader.getByTestId("issue-table")).toContainText(title);
});
