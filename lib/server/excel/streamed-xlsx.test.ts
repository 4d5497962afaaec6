// A streamed export never ends as a short file that looks complete: a failure before the
// first bytes is an error status with the Chinese message, a failure after them errors the
// body (Next then cuts the connection), and a download the browser drops stops the reads.

import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/server/errors";
import { streamedXlsx } from "./excel-response";
import { type ExportRow, type ExportSheet, streamWorkbook } from "./stream-workbook";

const sheet: ExportSheet = {
  name: "台账",
  title: "项目台账",
  actorName: "测试",
  columns: [
    { header: "项目名称", type: "text", width: 20 },
    { header: "总投资", type: "money", width: 12 },
  ],
};
const rows = (n: number, from = 0): ExportRow[] => Array.from({ length: n }, (_, i) => [`项目 ${from + i} ${"长".repeat(40)}`, "12345.67"]);
const job = (batches: AsyncIterable<ExportRow[]>) => ({ fileName: "台账.xlsx", write: (out: import("node:stream").PassThrough) => streamWorkbook(out, sheet, batches) });

describe("streamed Excel downloads", () => {
  it("a complete export is a valid workbook with every row", async () => {
    async function* batches() {
      yield rows(1_500);
      yield rows(1_500, 1_500);
    }
    const res = await streamedXlsx(job(batches()));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0].rowCount).toBe(3 + 3_000);
  });

  it("a failure before the first bytes is an error status, not a 200 that breaks off", async () => {
    async function* failsAtOnce(): AsyncIterable<ExportRow[]> {
      throw new AppError("VALIDATION", "筛选条件无效");
    }
    const refused = await streamedXlsx(job(failsAtOnce()));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toBe("筛选条件无效");

    async function* queryFails(): AsyncIterable<ExportRow[]> {
      await new Promise((r) => setTimeout(r, 10));
      throw new Error("connection terminated");
    }
    const failed = await streamedXlsx(job(queryFails()));
    expect(failed.status).toBe(500);
    expect(failed.headers.get("content-type")).toContain("text/plain");
    expect(await failed.text()).toMatch(/^服务器处理出错/);
  });

  it("a failure after rows went out errors the body instead of ending it", async () => {
    async function* failsLater() {
      yield rows(3_000);
      await new Promise((r) => setTimeout(r, 10));
      throw new Error("the third query failed");
    }
    const res = await streamedXlsx(job(failsLater()));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = 0;
    const read = async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        received += value.byteLength;
      }
    };
    await expect(read()).rejects.toThrow("the third query failed");
    expect(received).toBeGreaterThan(0);
  });

  it("stops reading when the browser drops the download", async () => {
    let batchesRead = 0;
    async function* endless() {
      for (;;) {
        await new Promise((r) => setTimeout(r, 1)); // the query of each batch
        batchesRead++;
        yield rows(2_000, batchesRead * 2_000);
      }
    }
    let settled: unknown = "pending";
    const j = job(endless());
    const res = await streamedXlsx({ ...j, write: (out) => j.write(out).then((n) => (settled = n), (e) => Promise.reject((settled = e))) });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => settled, { timeout: 5_000 }).toBeInstanceOf(Error);
    const after = batchesRead;
    await new Promise((r) => setTimeout(r, 50));
    expect(batchesRead).toBe(after);
  });
});
