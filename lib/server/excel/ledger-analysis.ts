import "server-only";
// What an import would do, shared by the preview and the commit (which runs it again
// inside its transaction, under the parks' locks, so nothing changed in between): every
// row matched to an existing project (by 项目编号, else by park + project name + enterprise)
// or planned as a new one; for a match, the fields that change (only the columns the file
// has: a column left out changes nothing), checked with the same rules as the edit form and
// the pipeline; for a new one, every rule of creating a project. Reads only.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { ASSIGNMENT_ROLE_LABEL, ELIGIBLE_PARK_ROLES, type AssignmentRole } from "@/lib/domain/coverage";
import { todayInShanghai } from "@/lib/domain/dates";
import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "@/lib/domain/labels";
import { IMPORT_COLUMNS, flagLabel } from "@/lib/domain/ledger-columns";
import { type Actor, can, parksWith } from "@/lib/domain/permissions";
import { STAGE_LABELS, type ProjectStatus } from "@/lib/domain/stages";
import { type AdvanceInput, signedDateProblem } from "@/lib/domain/transitions";
import {
  type LedgerRecord,
  type LedgerTexts,
  type PersonChoice,
  type RecordField,
  type RowIssue,
  type StoredStageState,
  differingFields,
  displayValue,
  headerOf,
  looseRecord,
  matchPerson,
  namesPerson,
  naturalKey,
  stageCheck,
  validateLedgerRecord,
  validateLedgerRow,
} from "@/lib/validation/ledger-import";
import { currentHolderSql } from "@/lib/server/assignments/holder-sql";
import { missingRequired, withAllColumns, type ParsedLedger } from "./parse-ledger-workbook";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw" | "park" | "user">;

/** One field an update changes, as the preview shows it (null = blank). */
export interface FieldChange {
  field: string;
  column: string;
  before: string | null;
  after: string | null;
}

export interface PersonChange {
  role: AssignmentRole;
  user: { id: number; name: string };
  current: { id: number; name: string } | null;
}

export interface PlannedCreate extends LedgerRecord {
  row: number;
  people: { role: AssignmentRole; user: { id: number; name: string } }[];
}

export interface PlannedUpdate {
  row: number;
  projectId: number;
  code: string;
  parkId: number;
  parkName: string;
  /** The project's name before the import (the record's may change it). */
  name: string;
  version: number;
  /** The whole record after the import (stored values where the file has no column). */
  record: LedgerRecord;
  /** True when a field of the ledger record changes (the edit form's fields but this year's plan). */
  recordChanged: boolean;
  /** True when this year's plan changes (written by writeYearPlan). */
  planChanged: boolean;
  /** A forward stage move, checked by validateAdvance against the stored state. */
  advance: AdvanceInput | null;
  people: PersonChange[];
  changes: FieldChange[];
}

export interface LedgerAnalysis {
  rowCount: number;
  toCreate: PlannedCreate[];
  toUpdate: PlannedUpdate[];
  unchanged: number;
  issues: RowIssue[];
  /** Parks the rows to create or update belong to. */
  parkIds: number[];
  /** Every project a row matched, with the version read: the preview hands it to the commit. */
  versions: Map<number, number>;
  /** Row of each matched project, for messages. */
  rowOfProject: Map<number, number>;
}

/** A stored project in the ledger's canonical form (the export writes the same values). */
/** A stored project in the ledger's canonical text form (LEDGER_RECORD_SQL): the fields a row
 * of the file holds, its 包保 people resolved, and what an update checks against. */
type StoredRow = Omit<LedgerRecord, "liaison" | "leader"> & {
  id: number;
  code: string;
  version: number;
  status: ProjectStatus;
  stageDateIso: string;
  statusDateIso: string | null;
  liaisonId: number | null;
  liaisonName: string | null;
  liaisonUsername: string | null;
  leaderId: number | null;
  leaderName: string | null;
  leaderUsername: string | null;
};

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
  p."responsibleUnit", p.remark, p."imageProgress", p.problems,
  p."investmentCompletedBefore"::text AS "investmentCompletedBefore", p."fundsArrivedBefore"::text AS "fundsArrivedBefore"`;

/** This year's plan of a project (alias p), joined as yp. */
export const yearPlanJoin = (year: number) => Prisma.sql`LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = p.id AND yp.year = ${year}::int`;
export const YEAR_PLAN_SQL = Prisma.sql`yp."plannedInvestment"::text AS "plannedInvestmentThisYear",
  COALESCE(yp."planStart", false) AS "planStartThisYear", COALESCE(yp."planProduction", false) AS "planProductionThisYear"`;

/** A stored project as the cells of its ledger row (what its export says). */
function storedTexts(p: StoredRow): LedgerTexts {
  return withAllColumns({
    code: p.code,
    park: p.parkName,
    name: p.name,
    enterpriseName: p.enterpriseName,
    creditCode: p.creditCode,
    legalPerson: p.legalPerson,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    industry: p.industry,
    source: SOURCE_LABELS[p.source] ?? p.source,
    keyLevel: KEY_LEVEL_LABELS[p.keyLevel] ?? p.keyLevel,
    content: p.content,
    totalInvestment: p.totalInvestment,
    contractInvestment: p.contractInvestment,
    registeredCapital: p.registeredCapital,
    landArea: p.landArea,
    signedDate: p.signedDate,
    registeredDate: p.registeredDate,
    landSuppliedDate: p.landSuppliedDate,
    plannedStartDate: p.plannedStartDate,
    plannedProductionDate: p.plannedProductionDate,
    stage: STAGE_LABELS[p.stage],
    landedDate: p.landedDate,
    actualStartDate: p.actualStartDate,
    actualProductionDate: p.actualProductionDate,
    imageProgress: p.imageProgress,
    problems: p.problems,
    responsibleUnit: p.responsibleUnit,
    remark: p.remark,
    liaison: p.liaisonName,
    leader: p.leaderName,
    plannedInvestmentThisYear: p.plannedInvestmentThisYear,
    planStartThisYear: flagLabel(p.planStartThisYear),
    planProductionThisYear: flagLabel(p.planProductionThisYear),
    investmentCompletedBefore: p.investmentCompletedBefore,
    fundsArrivedBefore: p.fundsArrivedBefore,
  });
}

/** The writable parks a file touches: the parks its rows name and those of the projects its codes name (to lock before checking). */
export async function touchedParkIds(db: Reader, actor: Actor, parsed: ParsedLedger): Promise<number[]> {
  const writable = parksWith(actor, "project.write");
  const names = [...new Set(parsed.rows.map((r) => r.texts.park).filter((n): n is string => !!n))];
  const codes = [...new Set(parsed.rows.map((r) => r.texts.code).filter((c): c is string => !!c))];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Park" WHERE id = ANY(${writable}::int[]) AND name = ANY(${names}::text[])
    UNION SELECT DISTINCT "parkId" FROM "Project" WHERE "parkId" = ANY(${writable}::int[]) AND code = ANY(${codes}::text[])
    ORDER BY 1`;
  return rows.map((r) => r.id);
}

/** Who may take each 包保 role, per park: active people holding an eligible park role (the assignment service's rule). */
async function loadPeople(db: Reader, parkIds: number[]): Promise<(parkId: number, role: AssignmentRole) => PersonChoice[]> {
  const roles = [...new Set([...ELIGIBLE_PARK_ROLES.LIAISON, ...ELIGIBLE_PARK_ROLES.LEADER])];
  const users =
    parkIds.length === 0
      ? []
      : await db.user.findMany({
          where: { isActive: true, memberships: { some: { parkId: { in: parkIds }, role: { in: roles } } } },
          orderBy: { id: "asc" },
          select: { id: true, name: true, username: true, memberships: { where: { parkId: { in: parkIds } }, select: { parkId: true, role: true } } },
        });
  return (parkId, role) =>
    users
      .filter((u) => u.memberships.some((m) => m.parkId === parkId && (ELIGIBLE_PARK_ROLES[role] as readonly string[]).includes(m.role)))
      .map((u) => ({ id: u.id, name: u.name, username: u.username }));
}

const PEOPLE: { key: "liaison" | "leader"; role: AssignmentRole }[] = [
  { key: "liaison", role: "LIAISON" },
  { key: "leader", role: "LEADER" },
];

export async function analyseLedger(db: Reader, actor: Actor, parsed: ParsedLedger, today = todayInShanghai()): Promise<LedgerAnalysis> {
  const year = Number(today.slice(0, 4));
  const writable = parksWith(actor, "project.write");
  const parks = await db.park.findMany({ where: { id: { in: writable } }, select: { id: true, name: true } });
  const parkByName = new Map(parks.map((p) => [p.name, p]));
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const industryRows = await db.$queryRaw<{ parkId: number; industry: string }[]>`
    SELECT DISTINCT "parkId", industry FROM "Project" WHERE "parkId" = ANY(${writable}::int[])`;
  const industries = new Map<number, Set<string>>();
  for (const r of industryRows) {
    const set = industries.get(r.parkId) ?? new Set<string>();
    set.add(r.industry);
    industries.set(r.parkId, set);
  }
  const none = new Set<string>();
  const ctx = { park: (name: string) => parkByName.get(name) ?? null, parkIndustries: (id: number) => industries.get(id) ?? none, today };

  // Existing projects the rows may name (by code, or by the park's project names), in canonical form: one query.
  const codes = [...new Set(parsed.rows.map((r) => r.texts.code).filter((c): c is string => !!c))];
  const rowParkIds = [...new Set(parsed.rows.map((r) => (r.texts.park ? parkByName.get(r.texts.park)?.id : undefined)).filter((id): id is number => !!id))];
  const names = [...new Set(parsed.rows.map((r) => r.texts.name?.toLowerCase()).filter((n): n is string => !!n))];
  const existing =
    codes.length === 0 && (rowParkIds.length === 0 || names.length === 0)
      ? []
      : await db.$queryRaw<StoredRow[]>(Prisma.sql`
          SELECT p.id, p.code, p.version, pk.name AS "parkName", p.status::text AS status,
                 to_char(p."stageDate", 'YYYY-MM-DD') AS "stageDateIso", to_char(p."statusDate", 'YYYY-MM-DD') AS "statusDateIso",
                 ${LEDGER_RECORD_SQL}, ${YEAR_PLAN_SQL},
                 li.id AS "liaisonId", li.name AS "liaisonName", li.username AS "liaisonUsername",
                 le.id AS "leaderId", le.name AS "leaderName", le.username AS "leaderUsername"
          FROM "Project" p
          JOIN "Enterprise" e ON e.id = p."enterpriseId"
          JOIN "Park" pk ON pk.id = p."parkId"
          ${yearPlanJoin(year)}
          LEFT JOIN "User" li ON li.id = ${currentHolderSql("p", "LIAISON")}
          LEFT JOIN "User" le ON le.id = ${currentHolderSql("p", "LEADER")}
          WHERE p."parkId" = ANY(${writable}::int[])
            AND (p.code = ANY(${codes}::text[]) OR (p."parkId" = ANY(${rowParkIds}::int[]) AND lower(p.name) = ANY(${names}::text[])))`);
  const byCode = new Map(existing.map((p) => [p.code, p]));
  const byKey = new Map(existing.map((p) => [naturalKey(p.parkId, p.name, p.enterpriseName), p]));
  const peopleOf = await loadPeople(db, [...new Set([...rowParkIds, ...existing.map((p) => p.parkId)])]);

  const issues: RowIssue[] = [];
  const toCreate: PlannedCreate[] = [];
  const toUpdate: PlannedUpdate[] = [];
  const versions = new Map<number, number>();
  const rowOfProject = new Map<number, number>();
  const firstRowOfKey = new Map<string, number>();
  let unchanged = 0;

  /** The 包保 a row names for a project of `parkId` (null: no change), or problems. */
  function peopleOfRow(row: number, texts: LedgerTexts, parkId: number, stored: StoredRow | null): { changes: PersonChange[]; issues: RowIssue[] } {
    const changes: PersonChange[] = [];
    const out: RowIssue[] = [];
    for (const { key, role } of PEOPLE) {
      if (!parsed.present.has(key)) continue;
      const label = ASSIGNMENT_ROLE_LABEL[role];
      const text = texts[key] ?? null;
      const current = stored ? (role === "LIAISON" ? stored.liaisonId && { id: stored.liaisonId, name: stored.liaisonName!, username: stored.liaisonUsername! } : stored.leaderId && { id: stored.leaderId, name: stored.leaderName!, username: stored.leaderUsername! }) || null : null;
      if (text === null) {
        if (current) out.push({ row, column: headerOf(key), message: `导入不能清空${label}（现为 ${current.name}）；更换请填写新的${label}，不需要更新时可删除此列` });
        continue;
      }
      if (current && namesPerson(text, current)) continue;
      const found = matchPerson(text, peopleOf(parkId, role), label);
      if ("problem" in found) {
        out.push({ row, column: headerOf(key), message: found.problem });
        continue;
      }
      if (current && found.person.id === current.id) continue;
      if (!can(actor, "assignment.manage", parkId)) {
        out.push({ row, column: headerOf(key), message: `您无权指派该园区的${label}` });
        continue;
      }
      changes.push({ role, user: { id: found.person.id, name: found.person.name }, current: current ? { id: current.id, name: current.name } : null });
    }
    return { changes, issues: out };
  }

  for (const r of parsed.rows) {
    const code = r.texts.code ?? null;
    const rowPark = r.texts.park ? parkByName.get(r.texts.park) : undefined;
    let stored = code ? byCode.get(code) : undefined;
    if (!stored && rowPark && r.texts.name && r.texts.enterpriseName) stored = byKey.get(naturalKey(rowPark.id, r.texts.name, r.texts.enterpriseName));

    if (!stored) {
      // A new project.
      const texts = withAllColumns(r.texts);
      const { record, issues: ruleIssues } = validateLedgerRow(r.row, texts, ctx);
      // A cell that could not be read, or a column the file does not have, is reported once, not again as "missing".
      const absent: RowIssue[] = missingRequired(parsed.present).map((k) => ({ row: r.row, column: headerOf(k), message: `表中没有「${headerOf(k)}」列，新项目须填写${headerOf(k)}` }));
      const unreadable = new Set([...r.issues, ...absent].map((i) => i.column));
      const rowIssues = [...r.issues, ...absent, ...ruleIssues.filter((i) => !unreadable.has(i.column))];
      const key = rowPark && r.texts.name && r.texts.enterpriseName ? naturalKey(rowPark.id, r.texts.name, r.texts.enterpriseName) : null;
      if (key) {
        const first = firstRowOfKey.get(key);
        if (first !== undefined) {
          issues.push({ row: r.row, column: headerOf("name"), message: `与第 ${first} 行重复（同一园区、项目名称和企业名称）` });
          continue;
        }
        firstRowOfKey.set(key, r.row);
      }
      const people = rowPark ? peopleOfRow(r.row, texts, rowPark.id, null) : { changes: [], issues: [] };
      rowIssues.push(...people.issues);
      issues.push(...rowIssues);
      if (record && rowIssues.length === 0) toCreate.push({ ...record, row: r.row, people: people.changes.map(({ role, user }) => ({ role, user })) });
      continue;
    }

    // An existing project: the row's columns over the stored record.
    const firstRow = rowOfProject.get(stored.id);
    if (firstRow !== undefined) {
      issues.push({ row: r.row, column: headerOf(code ? "code" : "name"), message: `与第 ${firstRow} 行是同一项目（${stored.code}），同一项目只能出现一次` });
      continue;
    }
    rowOfProject.set(stored.id, r.row);
    versions.set(stored.id, stored.version);
    if (r.issues.length > 0) {
      issues.push(...r.issues);
      continue;
    }
    const before = storedTexts(stored);
    const merged: LedgerTexts = { ...before };
    for (const key of parsed.present) if (key in r.texts) merged[key] = r.texts[key];
    merged.code = stored.code;
    const rowIssues: RowIssue[] = [];
    if (r.texts.park === null || r.texts.park === undefined) merged.park = stored.parkName;
    else if (r.texts.park !== stored.parkName) {
      rowIssues.push({ row: r.row, column: headerOf("park"), message: `项目 ${stored.code} 属于「${stored.parkName}」，所属园区不能通过导入修改` });
      merged.park = stored.parkName;
    }

    const was = looseRecord(before);
    const now = looseRecord(merged);
    const diffs = differingFields(now, was);
    const people = peopleOfRow(r.row, merged, stored.parkId, stored);
    rowIssues.push(...people.issues);
    if (diffs.length === 0 && people.changes.length === 0 && rowIssues.length === 0) {
      unchanged++;
      continue;
    }

    const { record, issues: recordIssues } = validateLedgerRecord(r.row, merged, ctx);
    rowIssues.push(...recordIssues);
    const storedState: StoredStageState = {
      stage: stored.stage,
      status: stored.status,
      stageDate: stored.stage === "SIGNED" ? (record?.signedDate ?? stored.signedDate) : stored.stageDateIso,
      statusDate: stored.statusDateIso,
      signedDate: record?.signedDate ?? stored.signedDate,
      registeredDate: stored.registeredDate,
      landedDate: stored.landedDate,
      actualStartDate: stored.actualStartDate,
      actualProductionDate: stored.actualProductionDate,
    };
    const stage = stageCheck(r.row, record ?? now, storedState, today, new Set(rowIssues.map((i) => i.column)));
    rowIssues.push(...stage.issues);
    if (record && diffs.includes("signedDate")) {
      const problem = signedDateProblem({ signedDate: record.signedDate, landedDate: stored.landedDate, actualStartDate: stored.actualStartDate, actualProductionDate: stored.actualProductionDate });
      if (problem) rowIssues.push({ row: r.row, column: headerOf("signedDate"), message: problem });
    }
    // A rename must not make it the twin of another project of the park (or of another row).
    const key = naturalKey(stored.parkId, now.name, now.enterpriseName);
    const twin = byKey.get(key);
    if (twin && twin.id !== stored.id) rowIssues.push({ row: r.row, column: headerOf("name"), message: `该园区已有同名项目（${twin.code}，同一企业名称）` });
    const first = firstRowOfKey.get(key);
    if (first !== undefined) rowIssues.push({ row: r.row, column: headerOf("name"), message: `与第 ${first} 行重复（同一园区、项目名称和企业名称）` });
    else firstRowOfKey.set(key, r.row);

    if (rowIssues.length > 0 || !record) {
      issues.push(...rowIssues);
      continue;
    }
    const stageFields: RecordField[] = ["stage", "landedDate", "actualStartDate", "actualProductionDate"];
    const planFields: RecordField[] = ["plannedInvestmentThisYear", "planStartThisYear", "planProductionThisYear"];
    const changes: FieldChange[] = diffs.map((field) => ({ field, column: headerOf(field), before: displayValue(field, was[field]), after: displayValue(field, now[field]) }));
    for (const p of people.changes) {
      const field = p.role === "LIAISON" ? "liaison" : "leader";
      changes.push({ field, column: headerOf(field), before: p.current?.name ?? null, after: p.user.name });
    }
    toUpdate.push({
      row: r.row,
      projectId: stored.id,
      code: stored.code,
      parkId: stored.parkId,
      parkName: stored.parkName,
      name: stored.name,
      version: stored.version,
      record,
      recordChanged: diffs.some((f) => !stageFields.includes(f) && !planFields.includes(f)),
      planChanged: diffs.some((f) => planFields.includes(f)),
      advance: stage.advance,
      people: people.changes,
      changes,
    });
  }

  await checkEnterprises(db, toCreate, issues);
  const failed = new Set(issues.map((i) => i.row));
  const creatable = toCreate.filter((r) => !failed.has(r.row));
  issues.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  const parkIds = [...new Set([...creatable.map((r) => r.parkId), ...toUpdate.map((u) => u.parkId)])].filter((id) => parkById.has(id));
  return { rowCount: parsed.rows.length, toCreate: creatable, toUpdate, unchanged, issues, parkIds, versions, rowOfProject };
}

const ORDER = new Map(IMPORT_COLUMNS.map((c, i) => [c.header, i]));
const columnOrder = (header: string) => ORDER.get(header) ?? -1;

/**
 * The enterprise behind each new project: found by park + name or created. A credit code
 * belongs to one enterprise: a code registered to another enterprise, or an enterprise
 * already registered with a different code, is a row error (a new project's row never
 * edits an existing enterprise).
 */
async function checkEnterprises(db: Reader, rows: PlannedCreate[], issues: RowIssue[]): Promise<void> {
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

/** The versions of the projects a file matched, as the preview hands them to the commit: "id:version,…". */
export function versionsToken(versions: Map<number, number>): string {
  return [...versions].sort((a, b) => a[0] - b[0]).map(([id, v]) => `${id}:${v}`).join(",");
}

/** The projects whose version is not the one the preview saw (or that a row matches only now). */
export function changedSince(token: string, versions: Map<number, number>): number[] {
  const seen = new Map<number, number>();
  for (const part of token.split(",")) {
    const m = /^(\d+):(\d+)$/.exec(part.trim());
    if (m) seen.set(Number(m[1]), Number(m[2]));
  }
  const out: number[] = [];
  for (const [id, v] of versions) if (seen.get(id) !== v) out.push(id);
  return out;
}
