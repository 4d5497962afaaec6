import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { query, signIn } from "./helpers";

// Published bulletins (定稿通报) on 邵阳县高新区, a park no other spec files monthly reports
// for: publishing closes its months up to the bulletin's month.
const PARK = "邵阳县高新区";
const LEADER = "leader_syxg";
const STAFF = "staff_syxg";

/** The last completed month in Asia/Shanghai, as [YYYY-MM, "2026年11月", last day YYYY-MM-DD]. */
function lastMonth(): [string, string, string] {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const [y, m] = today.split("-").map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return [`${year}-${String(month).padStart(2, "0")}`, `${year}年${month}月`, last];
}

test.describe.configure({ mode: "serial" });

test("a park leader publishes the month's bulletin; after an edit the published bulletin reads back unchanged, with the live notice naming the project", async ({ browser }) => {
  test.setTimeout(120_000);
  const [monthKey, monthLabel, lastDay] = lastMonth();
  const [park] = await query<{ id: number }>(`SELECT id FROM "Park" WHERE name = $1`, [PARK]);
  // A project of the bulletin's signing cohort (signed January 1st .. the month's end): behind 签约项目 and 合同引资额.
  const [project] = await query<{ id: number; name: string; contract: string }>(
    `SELECT id, name, "contractInvestment"::text AS contract FROM "Project"
     WHERE "parkId" = $1 AND status <> 'TERMINATED' AND "contractInvestment" > 100 AND "signedDate" BETWEEN make_date($2, 1, 1) AND $3::date ORDER BY id LIMIT 1`,
    [park.id, Number(monthKey.slice(0, 4)), lastDay],
  );
  expect(project, `a project of ${PARK} signed in ${monthKey.slice(0, 4)} up to ${lastDay}`).toBeDefined();

  const leader = await browser.newPage();
  await signIn(leader, LEADER);
  await leader.goto(`/bulletin?park=${park.id}&month=${monthKey}`);
  const status = leader.getByTestId("bulletin-publish-status");
  await expect(status).toContainText(`${monthLabel}通报尚未定稿`);
  await status.getByRole("button", { name: "定稿发布", exact: true }).click();
  const confirm = leader.getByRole("group", { name: "确认定稿发布" });
  await expect(confirm).toContainText("以下内容将按此刻的数据冻结");
  await expect(confirm).toContainText(`${monthLabel}及以前的月报关闭`);
  await confirm.getByRole("button", { name: "确认定稿发布" }).click();

  await expect(leader).toHaveURL(/\/bulletin\/published\/\d+$/);
  const publishedUrl = leader.url();
  await expect(leader.getByTestId("published-badge")).toHaveText("已定稿");
  await expect(leader.getByTestId("published-meta")).toContainText("第 1 版");
  await expect(leader.getByTestId("bulletin-stamp")).toContainText("定稿发布");
  await expect(leader.getByTestId("live-diff-notice")).toHaveCount(0);
  const bulletin = leader.getByTestId("bulletin");
  const indicatorsBefore = await leader.getByTestId("bulletin-indicators").innerText();
  const overviewBefore = await bulletin.locator("section").first().innerText();

  // Publishing the same month again is not offered: the live page shows the published version.
  await leader.goto(`/bulletin?park=${park.id}&month=${monthKey}`);
  await expect(leader.getByTestId("published-status")).toContainText("第 1 版");
  await expect(leader.getByTestId("bulletin-publish-status").getByRole("button", { name: "定稿发布", exact: true })).toHaveCount(0);

  // Staff edit the project's 合同引资额 afterwards.
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await staff.goto(`/projects/${project.id}/edit`);
  // Lowered (合同引资额 may not exceed 总投资).
  const changed = (Number(project.contract) - 100).toFixed(2);
  await staff.getByLabel("合同引资额（万元）").fill(changed);
  await staff.getByRole("button", { name: "保存修改" }).click();
  // Saved: the project's own page (the edit page's heading, "编辑：<name>", also holds the
  // name, so a heading alone does not tell that the save went through).
  await expect(staff).toHaveURL(new RegExp(`/projects/${project.id}$`));
  await expect(staff.getByRole("heading", { name: project.name, exact: true })).toBeVisible();

  // The published bulletin reads back exactly as published, with the notice naming the project.
  await leader.goto(publishedUrl);
  await expect(leader.getByTestId("published-badge")).toHaveText("已定稿");
  expect(await leader.getByTestId("bulletin-indicators").innerText()).toBe(indicatorsBefore);
  expect(await bulletin.locator("section").first().innerText()).toBe(overviewBefore);
  const notice = leader.getByTestId("live-diff-notice");
  // The comparison with today's figures streams in after the page (it recomputes every figure).
  await expect(notice).toBeVisible({ timeout: 45_000 });
  await expect(notice.getByTestId("live-diff-counts")).toContainText("合同引资额：定稿");
  await expect(notice.getByTestId("live-diff-projects").getByRole("link", { name: project.name })).toBeVisible();
  await expect(notice.locator(`[data-project-id="${project.id}"]`)).toContainText("台账修改于");

  // Today's live bulletin of that month says it differs from the published one, naming the project too.
  await leader.goto(`/bulletin?park=${park.id}&month=${monthKey}`);
  await expect(leader.getByTestId("published-status")).toContainText("已定稿");
  await expect(leader.getByTestId("live-diff-notice").getByRole("link", { name: project.name })).toBeVisible();

  // The .xlsx of the published bulletin is the snapshot's: 合同引资额 as published, not as edited.
  await leader.goto(publishedUrl);
  const [download] = await Promise.all([leader.waitForEvent("download"), leader.getByTestId("published-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/^月度通报-.+-\d{4}-\d{2}-定稿第1版\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  expect(wb.worksheets.map((w) => w.name)).toEqual(["主要指标", "园区排名", "红灯项目", "超期问题", "更正说明"]);
  const summary = wb.getWorksheet("主要指标")!;
  expect(String(summary.getRow(2).getCell(1).value)).toContain("定稿（第 1 版）");
  const id = Number(publishedUrl.split("/").pop());
  const [frozen] = await query<{ contract: string }>(`SELECT content->'counts'->>'contractInvestment' AS contract FROM "PublishedBulletin" WHERE id = $1`, [id]);
  const contractRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === "合同引资额（万元）")!;
  expect(contractRow.getCell(3).value).toBe(Number(frozen.contract));
  await leader.close();
  await staff.close();
});

test("the published month is closed for filing: staff ask for a correction, the park leader approves it", async ({ browser }) => {
  test.setTimeout(120_000);
  const [monthKey] = lastMonth();
  const [park] = await query<{ id: number }>(`SELECT id FROM "Park" WHERE name = $1`, [PARK]);

  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await staff.goto(`/progress?park=${park.id}&month=${monthKey}`);
  await expect(staff.getByTestId("month-closed")).toContainText("定稿发布，月报已关闭");
  // The first row of the grid that offers a correction or a late filing (the button is looked
  // for inside each row: a locator rooted at the grid would never match within a row).
  const askButton = { name: /^申请(更正|补报) / };
  const row = staff.getByTestId("progress-grid").getByTestId("progress-row").filter({ has: staff.getByRole("button", askButton) }).first();
  expect(await row.count(), `${PARK} has a project owing ${monthKey}`).toBeGreaterThan(0);
  const ask = row.getByRole("button", askButton).first();
  const projectId = Number(await row.getAttribute("data-project-id"));
  await ask.click();
  const form = staff.getByTestId("correction-request-form");
  await form.getByLabel("本月完成投资（万元）").fill("4321.09");
  await form.getByLabel("本月到位资金（万元）").fill("12.5");
  await form.getByLabel("形象进度").fill("e2e 更正：设备安装完成");
  await form.getByRole("button", { name: /^提交(更正|补报)申请$/ }).click();
  await expect(form.locator('[data-field-error="reason"]')).toContainText("请填写");
  await form.getByLabel(/原因$/).fill("e2e：漏报设备采购款");
  await form.getByRole("button", { name: /^提交(更正|补报)申请$/ }).click();
  await expect(staff.locator(`[data-testid="progress-row"][data-project-id="${projectId}"]`).getByTestId("correction-pending")).toContainText("更正待审批");

  const [request] = await query<{ id: number }>(`SELECT id FROM "ProgressCorrection" WHERE "projectId" = $1 AND status = 'PENDING' ORDER BY id DESC LIMIT 1`, [projectId]);
  const leader = await browser.newPage();
  await signIn(leader, LEADER);
  await leader.goto(`/progress/corrections?park=${park.id}&status=PENDING`);
  const pending = leader.locator(`[data-correction-id="${request.id}"]`);
  await expect(pending).toContainText("e2e：漏报设备采购款");
  await pending.getByRole("button", { name: "批准" }).click();
  // Approved: it leaves the pending list, and the full list shows it approved.
  await expect(pending).toHaveCount(0);
  await leader.goto(`/progress/corrections?park=${park.id}`);
  await expect(leader.locator(`[data-correction-id="${request.id}"]`)).toHaveAttribute("data-status", "APPROVED");
  const [report] = await query<{ investment: string }>(
    `SELECT "investmentCompleted"::text AS investment FROM "ProgressReport" WHERE "projectId" = $1 AND year = $2 AND month = $3`,
    [projectId, Number(monthKey.slice(0, 4)), Number(monthKey.slice(5, 7))],
  );
  expect(report.investment).toBe("4321.09");
  await leader.close();
  await staff.close();
});
