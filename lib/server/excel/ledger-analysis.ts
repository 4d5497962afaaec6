import "server-only";
// What an import would do, shared by the preview and the commit (which runs it again
// inside its transaction, under the parks' locks, so nothing changed in between): every
// row checked, duplicates within the file and against existing projects found, and the
// rows to create listed. Reads only.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { IMPORT_COLUMNS } from "@/lib/domain/ledger-columns";
import {
  type LedgerRecord,
  type RowIssue,
  differingFields,
  headerOf,
  looseRecord,
  naturalKey,
  validateLedgerRow,
} from "@/lib/validation/ledger-import";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import type { ParsedLedger } from "./parse-ledger-workbook";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw" | "park">;

export interface LedgerAnalysis {
  rowCount: number;
  toCreate: (LedgerRecord & { row: number })[];
  unchanged: number;
  issues: RowIssue[];
  /** Parks the rows to create belong to. */
  parkIds: number[];
}

/** A stored project in the ledger's canonical form (the export writes the same values). */
type ExistingRow = Omit<LedgerRecord, "parkName" | "name" | "enterpriseName"> & { id: number; code: string; name: string; enterpriseName: string };

/** SQL giving a project row (alias p, enterprise e) in the ledger's canonical text form. */
export const LEDGER_RECORD_SQL = Prisma.sql`
  p."parkId", p.name, e.name AS "enterpriseName", e."creditCode", e."legalPerson", e."contactName", e."contactPhone",
  p.industry, p.source::text AS source, p."keyLevel"::text AS "keyLevel", p.content,
  p."totalInvestment"::text AS "totalInvestment", p."contractInvestment"::text AS "contractInvestment",
  p."registeredCapital"::text AS "registeredCapital", p."landArea"::text AS "landArea",
  to_char(p."signedDate", 'YYYY-MM-DD') AS "signedDate", to_char(p."registeredDate", 'YYYY-MM-DD') AS "registeredDate",
  to_char(p."landSuppliedDate", 'YYYY-MM-DD') AS "landSuppliedDate", to_char(p."plannedStartDate", 'YYYY-MM-DD') AS "plannedStartDate",
  to_char(p."plannedProductionDate", 'YYYY-MM-DD') AS "plannedProductionDate", p.stage::text AS stage,
  to_char(COALESCE(p."landedDate", CASE WHEN p.stage = 'LANDED' THEN p."stageDate" END), 'YYYY-MM-DD') AS "landedDate",
  to_char(COALESCE(p."actualStartDate", CASE WHEN p.stage = 'STARTED' THEN p."stageDate" END), 'YYYY-MM-DD') AS "actualStartDate",
  to_char(COALESCE(p."actualProductionDate", CASE WHEN p.stage = 'PRODUCING' THEN p."stageDate" END), 'YYYY-MM-DD') AS "actualProductionDate",
  p."responsibleUnit", p.remark`;

/** The writable parks the file's rows name: the ones an import must lock before checking. */
export async function namedParkIds(db: Reader, actor: Actor, parsed: ParsedLedger): Promise<number[]> {
  const names = [...new Set(parsed.rows.map((r) => r.texts.park).filter((n): n is string => !!n))];
  const parks = await db.park.findMany({ where: { id: { in: parksWith(actor, "project.write") }, name: { in: names } }, select: { id: true }, orderBy: { id: "asc" } });
  return parks.map((p) => p.id);
}

export async function analyseLedger(db: Reader, actor: Actor, parsed: ParsedLedger): Promise<LedgerAnalysis> {
  const writable = parksWith(actor, "project.write");
  const parks = await db.park.findMany({ where: { id: { in: writable } }, select: { id: true, name: true } });
  const parkByName = new Map(parks.map((p) => [p.name, p]));
  const industryRows = await db.$queryRaw<{ parkId: number; industry: string }[]>`
    SELECT DISTINCT "parkId", industry FROM "Project" WHERE "parkId" = ANY(${writable}::int[])`;
  const industries = new Map<number, Set<string>>();
  for (const r of industryRows) {
    const set = industries.get(r.parkId) ?? new Set<string>();
    set.add(r.industry);
    industries.set(r.parkId, set);
  }
  const none = new Set<string>();
  const ctx = { park: (name: string) => parkByName.get(name) ?? null, parkIndustries: (id: number) => industries.get(id) ?? none };

  // Existing projects with the rows' natural keys, in canonical form: one query.
  const rowParkIds = [...new Set(parsed.rows.map((r) => (r.texts.park ? parkByName.get(r.texts.park)?.id : undefined)).filter((id): id is number => !!id))];
  const names = [...new Set(parsed.rows.map((r) => r.texts.name?.toLowerCase()).filter((n): n is string => !!n))];
  const existing =
    rowParkIds.length === 0 || names.length === 0
      ? []
      : await db.$queryRaw<ExistingRow[]>`
          SELECT p.id, p.code, ${LEDGER_RECORD_SQL}
          FROM "Project" p JOIN "Enterprise" e ON e.id = p."enterpriseId"
          WHERE p."parkId" = ANY(${rowParkIds}::int[]) AND lower(p.name) = ANY(${names}::text[])`;
  const existingByKey = new Map(existing.map((p) => [naturalKey(p.parkId, p.name, p.enterpriseName), p]));

  const issues: RowIssue[] = [];
  const toCreate: (LedgerRecord & { row: number })[] = [];
  const firstRowOfKey = new Map<string, number>();
  let unchanged = 0;
  for (const r of parsed.rows) {
    const { record, issues: ruleIssues } = validateLedgerRow(r.row, r.texts, ctx);
    const park = r.texts.park ? parkByName.get(r.texts.park) : undefined;
    const key = park && r.texts.name && r.texts.enterpriseName ? naturalKey(park.id, r.texts.name, r.texts.enterpriseName) : null;
    // A cell that could not be read is reported once, not again as "missing".
    const unreadable = new Set(r.issues.map((i) => i.column));
    const rowIssues = [...r.issues, ...ruleIssues.filter((i) => !unreadable.has(i.column))];
    if (key) {
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        issues.push({ row: r.row, column: headerOf("name"), message: `与第 ${first} 行重复（同一园区、项目名称和投资主体）` });
        continue;
      }
      firstRowOfKey.set(key, r.row);
      const twin = existingByKey.get(key);
      if (twin) {
        // Same project as one stored: identical is "unchanged" (even if it predates today's rules).
        const diffs = r.issues.length > 0 ? ["（无法读取的单元格）"] : differingFields(looseRecord(r.texts), twin);
        if (diffs.length === 0) {
          unchanged++;
          continue;
        }
        issues.push({
          row: r.row,
          column: headerOf("name"),
          message: `该园区已有同名项目（${twin.code}，同一投资主体），表中的${diffs.join("、")}与之不一致；修改已有项目请在项目页编辑，导入只新增项目`,
        });
        continue;
      }
    }
    issues.push(...rowIssues);
    if (record && rowIssues.length === 0) toCreate.push({ ...record, row: r.row });
  }

  await checkEnterprises(db, toCreate, issues);
  const failed = new Set(issues.map((i) => i.row));
  const creatable = toCreate.filter((r) => !failed.has(r.row));
  issues.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { rowCount: parsed.rows.length, toCreate: creatable, unchanged, issues, parkIds: [...new Set(creatable.map((r) => r.parkId))] };
}

const ORDER = new Map(IMPORT_COLUMNS.map((c, i) => [c.header, i]));
const columnOrder = (header: string) => ORDER.get(header) ?? -1;

/**
 * The enterprise behind each new project: found by park + name or created. A credit code
 * belongs to one enterprise: a code registered to another enterprise, or an enterprise
 * already registered with a different code, is a row error (the import never edits an
 * existing enterprise).
 */
async function checkEnterprises(db: Reader, rows: (LedgerRecord & { row: number })[], issues: RowIssue[]): Promise<void> {
  if (rows.length === 0) return;
  const parkIds = [...new Set(rows.map((r) => r.parkId))];
  const names = [...new Set(rows.map((r) => r.enterpriseName))];
  const codes = [...new Set(rows.map((r) => r.creditCode).filter((c): c is string => !!c))];
  const found = await db.$queryRaw<{ id: number; parkId: number; name: string; creditCode: string | null }[]>`
    SELECT id, "parkId", name, "creditCode" FROM "Enterprise"
    WHERE "parkId" = ANY(${parkIds}::int[]) AND (name = ANY(${names}::text[]) OR "creditCode" = ANY(${codes}::text[]))`;
  const byName = new Map(found.map((e) => [`${e.parkId}\u0000${e.name}`, e]));
  // A credit code is unique within a park: the same company may invest in several parks.
  const byCode = new Map(found.filter((e) => e.creditCode).map((e) => [`${e.parkId}\u0000${e.creditCode}`, e]));
  const newCodes = new Map<string, { key: string; row: number }>();
  const column = headerOf("creditCode");
  for (const r of rows) {
    if (!r.creditCode) continue;
    const key = `${r.parkId}\u0000${r.enterpriseName}`;
    const stored = byName.get(key);
    if (stored) {
      if (stored.creditCode && stored.creditCode !== r.creditCode) {
        issues.push({ row: r.row, column, message: `「${stored.name}」已登记统一社会信用代码 ${stored.creditCode}，与填写的不一致` });
      } else if (!stored.creditCode && byCode.has(`${r.parkId}\u0000${r.creditCode}`)) {
        issues.push({ row: r.row, column, message: holderMessage(byCode.get(`${r.parkId}\u0000${r.creditCode}`)!) });
      }
      continue;
    }
    const holder = byCode.get(`${r.parkId}\u0000${r.creditCode}`);
    if (holder) {
      issues.push({ row: r.row, column, message: holderMessage(holder) });
      continue;
    }
    const earlier = newCodes.get(`${r.parkId}\u0000${r.creditCode}`);
    if (earlier && earlier.key !== key) {
      issues.push({ row: r.row, column, message: `统一社会信用代码与第 ${earlier.row} 行的另一家企业相同` });
    } else if (!earlier) newCodes.set(`${r.parkId}\u0000${r.creditCode}`, { key, row: r.row });
  }
}

function holderMessage(holder: { name: string }): string {
  return `统一社会信用代码已登记在「${holder.name}」名下`;
}

/** Everything is named by row and column; the summary line counts them. */
export function issuesSummary(issues: RowIssue[]): string {
  const rows = new Set(issues.map((i) => i.row)).size;
  return `表格中有 ${issues.length} 个问题（涉及 ${rows} 行），请修改后重新上传；没有导入任何内容`;
}

