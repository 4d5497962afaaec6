import "server-only";
import { getDb } from "@/lib/db/client";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/server/errors";
import { analyseLedger } from "./ledger-analysis";
import { parseLedgerWorkbook } from "./parse-ledger-workbook";

export interface ImportPreview {
  /** Data rows read from the sheet. */
  rows: number;
  toCreate: number;
  /** Rows naming an existing project with identical values: nothing to do. */
  unchanged: number;
  /** Every problem, by row and column; the commit is refused while there are any. */
  errors: RowIssue[];
  /** Header texts the import does not read (e.g. 项目编号, 状态 in an exported file). */
  ignoredColumns: string[];
  /** Up to 20 of the projects to be created, for the user to recognise the file. */
  sample: { row: number; parkName: string; name: string; enterpriseName: string; stage: string; totalInvestment: string }[];
}

/**
 * What importing this workbook would do, without writing anything: needs "project.write"
 * in some park; rows for other parks are row errors.
 */
export async function previewImport(actor: Actor, bytes: Uint8Array): Promise<ImportPreview> {
  if (parksWith(actor, "project.write").length === 0) throw forbidden("台账导入");
  const parsed = await parseLedgerWorkbook(bytes);
  const analysis = await analyseLedger(getDb(), actor, parsed);
  return {
    rows: analysis.rowCount,
    toCreate: analysis.toCreate.length,
    unchanged: analysis.unchanged,
    errors: analysis.issues,
    ignoredColumns: parsed.ignoredColumns,
    sample: analysis.toCreate.slice(0, 20).map((r) => ({
      row: r.row,
      parkName: r.parkName,
      name: r.name,
      enterpriseName: r.enterpriseName,
      stage: r.stage,
      totalInvestment: r.totalInvestment,
    })),
  };
}
