import "server-only";
import type { RowIssue } from "@/lib/validation/ledger-import";
import type { Actor } from "@/lib/domain/permissions";
import type { FieldChange } from "./ledger-analysis";
import { versionsToken } from "./ledger-analysis";
import { trialImport } from "./commit-import";

/** Updates listed in a preview at most (the counts cover all). */
export const PREVIEW_UPDATES_MAX = 500;

export interface ImportPreview {
  /** Data rows read from the sheet. */
  rows: number;
  toCreate: number;
  toUpdate: number;
  /** Rows naming an existing project with identical values: nothing to do. */
  unchanged: number;
  /** Every problem, by row and column; the commit is refused while there are any. */
  errors: RowIssue[];
  /** Header texts the import does not read (e.g. 状态, 累计完成投资 in an exported file). */
  ignoredColumns: string[];
  /** The header's rows as found (a title above it, a two-row header). */
  headerRows: [number, number];
  /** Up to 20 of the projects to be created, for the user to recognise the file. */
  sample: { row: number; parkName: string; name: string; enterpriseName: string; stage: string; totalInvestment: string }[];
  /** The projects that would change, each with its fields before → after (the first PREVIEW_UPDATES_MAX). */
  updates: { row: number; projectId: number; code: string; parkName: string; name: string; changes: FieldChange[] }[];
  /** The matched projects' versions: sent back with the commit, which refuses projects changed since. */
  expected: string;
}

/**
 * What importing this workbook would do, without keeping anything: the import runs in a
 * transaction that is rolled back, so the preview finds every problem the commit would
 * (the checks', and any the writes meet). Needs "project.write" in some park; rows for
 * other parks are row errors.
 */
export async function previewImport(actor: Actor, bytes: Uint8Array): Promise<ImportPreview> {
  const { parsed, outcome } = await trialImport(actor, bytes);
  const { analysis } = outcome;
  return {
    rows: analysis.rowCount,
    toCreate: analysis.toCreate.length,
    toUpdate: analysis.toUpdate.length,
    unchanged: analysis.unchanged,
    errors: outcome.issues,
    ignoredColumns: parsed.ignoredColumns,
    headerRows: parsed.headerRows,
    sample: analysis.toCreate.slice(0, 20).map((r) => ({
      row: r.row,
      parkName: r.parkName,
      name: r.name,
      enterpriseName: r.enterpriseName,
      stage: r.stage,
      totalInvestment: r.totalInvestment,
    })),
    updates: analysis.toUpdate.slice(0, PREVIEW_UPDATES_MAX).map((u) => ({
      row: u.row,
      projectId: u.projectId,
      code: u.code,
      parkName: u.parkName,
      name: u.name,
      // A column the file heads in English is named so, as its problems are.
      changes: u.changes.map((c) => ({ ...c, column: parsed.english.get(c.field) ?? c.column })),
    })),
    expected: versionsToken(analysis.versions),
  };
}
