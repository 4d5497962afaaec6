import { test, expect } from "@playwright/test";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { signIn } from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "import-e2e-"));

/** Fills the downloaded template's 项目台账 sheet with rows (keys are header texts). */
async function fillTemplate(template: Buffer, rows: Record<string, ExcelJS.CellValue>[], file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("项目台账")!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries(r)) ws.getRow(i + 2).getCell(headers.indexOf(header)).value = value;
  });
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

test("import a ledger: template, a row error, the fix, the commit, the export", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `E2E导入${Date.now().toString(36)}`;
  await signIn(page, "staff_hhgx");
  await page.getByRole("link", { name: "台账导入" }).first().click();
  await expect(page.getByRole("heading", { name: "台账导入" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /下载台账模板/ }).click()]);
  expect(download.suggestedFilename()).toBe("项目台账导入模板.xlsx");
  const template = readFileSync((await download.path())!);

  const row = (name: string, signed: ExcelJS.CellValue) => ({
    所属园区: "怀化高新区",
    项目名称: `${tag}-${name}`,
    企业名称: `${tag}-${name}有限公司`,
    "产业链/行业": "新材料",
    "总投资（万元）": 5000,
    "合同引资额（万元）": 4000,
    签约日期: signed,
    当前阶段: "签约",
  });
  const bad = await fillTemplate(template, [row("甲", new Date(Date.UTC(2025, 4, 6))), row("乙", null)], "bad.xlsx");
  await page.getByLabel("选择 Excel 文件").setInputFiles(bad);
  await page.getByRole("button", { name: "上传并检查" }).click();
  const problems = page.getByRole("table", { name: "检查发现的问题" });
  await expect(problems.getByRole("row", { name: /第 3 行 签约日期 请填写签约日期/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: /确认导入/ })).toBeDisabled();

  const good = await fillTemplate(template, [row("甲", new Date(Date.UTC(2025, 4, 6))), row("乙", "2025-05-07")], "good.xlsx");
  await page.getByLabel("选择 Excel 文件").setInputFiles(good);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("检查通过。")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "确认导入（新增 2 个）" }).click();
  await expect(page.getByText("已导入：新增 2 个项目")).toBeVisible({ timeout: 30_000 });

  // The same file again creates nothing, and says so.
  await page.getByLabel("选择 Excel 文件").setInputFiles(good);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("没有需要更新的内容：2 行与现有项目一致，无需导入。")).toBeVisible({ timeout: 30_000 });

  await page.goto(`/projects?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: `${tag}-甲` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag}-乙` })).toBeVisible();
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /导出 Excel/ }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await exported.path())!) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("项目台账")!;
  const names: string[] = [];
  ws.eachRow((r, n) => {
    if (n > 3) names.push(String(r.getCell(3).value));
  });
  expect(names.sort()).toEqual([`${tag}-乙`, `${tag}-甲`].sort());
  expect(String(ws.getCell("A1").value)).toContain(`搜索：${tag}`);
});
