import { test, expect } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { query, signIn } from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "import-update-e2e-"));
const wan = (n: number) => `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }).format(n)} 万元`;

/** A ledger sheet as parks keep it: a title row, then the header, then the rows. */
async function ledger(file: string, title: string, header: string[], rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目台账");
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

test("import a ledger that updates three projects: the preview shows before → after, the project pages the new values", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = `E2E更新${Date.now().toString(36)}`;
  const names = ["甲", "乙", "丙"].map((n) => `${tag}-${n}`);
  await signIn(page, "staff_hhgx");

  // Three projects of the park, entered by an import first.
  const created = await ledger(
    "new.xlsx",
    "怀化高新区招商项目台账",
    ["所属园区", "项目名称", "投资主体", "产业链/行业", "总投资（万元）", "合同引资额（万元）", "签约日期"],
    names.map((n) => ["怀化高新区", n, `${n}有限公司`, "新材料", 5000, 4000, new Date(Date.UTC(2025, 4, 6))]),
  );
  await page.goto("/import");
  await page.getByLabel("选择 Excel 文件").setInputFiles(created);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await page.getByRole("button", { name: "确认导入（新增 3 个）" }).click({ timeout: 30_000 });
  await expect(page.getByText("已导入：新增 3 个项目")).toBeVisible({ timeout: 30_000 });
  const projects = await query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM "Project" WHERE name = ANY($1) ORDER BY name`, [names]);
  expect(projects).toHaveLength(3);

  // The park's updated ledger: found by 项目编号, new figures, 形象进度 and opening balances.
  const updated = projects.map((p, i) => ({ ...p, total: 6000 + i * 100, image: `${tag} 主体结构施工第 ${i + 1} 标段`, before: 1200 + i }));
  const file = await ledger(
    "update.xlsx",
    "怀化高新区招商项目台账（11 月更新）",
    ["项目编号", "所属园区", "项目名称", "投资主体", "总投资（万元）", "形象进度", "期初累计完成投资（万元）"],
    updated.map((u) => [u.code, "怀化高新区", u.name, `${u.name}有限公司`, u.total, u.image, u.before]),
  );
  await page.reload();
  await page.getByLabel("选择 Excel 文件").setInputFiles(file);
  await page.getByRole("button", { name: "上传并检查" }).click();
  const table = page.getByRole("table", { name: "将更新的项目" });
  await expect(table).toBeVisible({ timeout: 30_000 });
  for (const u of updated) {
    const row = table.locator(`tr[data-code="${u.code}"]`);
    await expect(row.locator('li[data-field="totalInvestment"]')).toHaveText(`总投资（万元）：${wan(5000)} → 改为${wan(u.total)}`);
    await expect(row.locator('li[data-field="imageProgress"]')).toContainText(u.image);
    await expect(row.locator('li[data-field="investmentCompletedBefore"]')).toHaveText(`期初累计完成投资（万元）：${wan(0)} → 改为${wan(u.before)}`);
  }
  await page.getByRole("button", { name: "确认导入（更新 3 个）" }).click();
  await expect(page.getByText("已导入：更新 3 个项目")).toBeVisible({ timeout: 30_000 });

  for (const u of updated) {
    await page.goto(`/projects/${u.id}`);
    await expect(page.getByText(u.image, { exact: true })).toBeVisible();
    await expect(page.getByText(new RegExp(`^${wan(u.total)}（`)).first()).toBeVisible();
    await expect(page.getByText(new RegExp(`^${wan(u.before)}（`)).first()).toBeVisible();
  }

  // The same file again changes nothing, and says so.
  await page.goto("/import");
  await page.getByLabel("选择 Excel 文件").setInputFiles(file);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("没有需要更新的内容：3 行与现有项目一致，无需导入。")).toBeVisible({ timeout: 30_000 });
});
