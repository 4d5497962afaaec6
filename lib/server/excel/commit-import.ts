import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { fieldLabel } from "@/lib/domain/project-fields";
import { STAGES, type Stage } from "@/lib/domain/stages";
import { validateAdvance } from "@/lib/domain/transitions";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { headerOf } from "@/lib/validation/ledger-import";
import type { ProjectUpdateData } from "@/lib/validation/project";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { writeAssignment } from "@/lib/server/assignments/assign";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { writeYearPlan } from "@/lib/server/plans/write-year-plan";
import { AppError, forbidden, isAppError, isUniqueViolation } from "@/lib/server/errors";
import { writeStageMove } from "@/lib/server/projects/move-project-stage";
import { lockParkProjects } from "@/lib/server/projects/project-record";
import { PROJECT_STATE_SELECT, StaleVersion, toProjectState } from "@/lib/server/projects/project-writes";
import { type ProjectForUpdate, checkProjectUpdate, projectForUpdateInclude, writeProjectUpdate } from "@/lib/server/projects/update-project";
import { type LedgerAnalysis, type PlannedCreate, type PlannedUpdate, analyseLedger, changedSince, issuesSummary, touchedParkIds } from "./ledger-analysis";
import { type ParsedLedger, asWritten, parseLedgerWorkbook } from "./parse-ledger-workbook";

/** The commit found problems (the file or the database changed since the preview): nothing was written. */
export class ImportRejectedError extends AppError {
  constructor(readonly issues: RowIssue[]) {
    super("VALIDATION", issuesSummary(issues));
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  message: string;
}

type Tx = Prisma.TransactionClient;
type Row = PlannedCreate;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table here. */
const CHUNK = 1_000;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The date each reached stage was reached, in order. */
function reachedStages(r: Row): { stage: Stage; date: string }[] {
  const dates: Record<Stage, string | null> = { SIGNED: r.signedDate, LANDED: r.landedDate, STARTED: r.actualStartDate, PRODUCING: r.actualProductionDate };
  return STAGES.slice(0, STAGES.indexOf(r.stage) + 1).map((s) => ({ stage: s, date: dates[s]! }));
}

/** Next free sequence per (park, signing year) for codes `${park.code}-${year}-${seq3}`, under the park lock. */
async function codeAllocator(tx: Tx, rows: Row[]) {
  const parks = await tx.park.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.parkId))] } }, select: { id: true, code: true } });
  const parkCode = new Map(parks.map((p) => [p.id, p.code]));
  const next = new Map<string, number>();
  return async (r: Row): Promise<string> => {
    const prefix = `${parkCode.get(r.parkId)}-${r.signedDate.slice(0, 4)}-`;
    let seq = next.get(prefix);
    if (seq === undefined) {
      const [{ max }] = await tx.$queryRaw<{ max: number | null }[]>`
        SELECT MAX(substring(code FROM ${prefix.length + 1}::int)::int) AS max FROM "Project"
        WHERE left(code, ${prefix.length}::int) = ${prefix}::text AND substring(code FROM ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`;
      seq = (max ?? 0) + 1;
    }
    next.set(prefix, seq + 1);
    return `${prefix}${String(seq).padStart(3, "0")}`;
  };
}

// Set-based inserts: one statement per 1,000 rows with the rows as a single jsonb
// parameter. Prisma's createMany(AndReturn) took ~12 s for 5,000 projects or audit rows
// here; INSERT ... SELECT FROM jsonb_to_recordset takes a fraction of a second.

async function insertEnterprises(tx: Tx, rows: Row[]): Promise<{ id: number; parkId: number; name: string }[]> {
  const json = JSON.stringify(
    rows.map((r) => ({ parkId: r.parkId, name: r.enterpriseName, creditCode: r.creditCode, legalPerson: r.legalPerson, contactName: r.contactName, contactPhone: r.contactPhone, industry: r.industry })),
  );
  return tx.$queryRaw`
    INSERT INTO "Enterprise" ("parkId", name, "creditCode", "legalPerson", "contactName", "contactPhone", industry, "updatedAt")
    SELECT x."parkId", x.name, x."creditCode", x."legalPerson", x."contactName", x."contactPhone", x.industry, now()
    FROM jsonb_to_recordset(${json}::jsonb) AS x("parkId" int, name text, "creditCode" text, "legalPerson" text, "contactName" text, "contactPhone" text, industry text)
    RETURNING id, "parkId", name`;
}

type ProjectInsert = Row & { code: string; enterpriseId: number; stageDate: string; createdById: number };

async function insertProjects(tx: Tx, rows: ProjectInsert[]): Promise<{ id: number; code: string }[]> {
  const json = JSON.stringify(
    rows.map(({ row: _row, parkName: _parkName, enterpriseName: _e, creditCode: _c, legalPerson: _l, contactName: _n, contactPhone: _p, people: _people, liaison: _li, leader: _le, ...r }) => r),
  );
  return tx.$queryRaw`
    INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, source, "keyLevel", content,
      "totalInvestment", "contractInvestment", "registeredCapital", "landArea", "investmentCompletedBefore", "fundsArrivedBefore",
      "signedDate", "registeredDate", "landSuppliedDate", "landedDate", "plannedStartDate", "actualStartDate",
      "plannedProductionDate", "actualProductionDate", stage, "stageDate", status, "imageProgress", problems, "responsibleUnit", remark, "createdById", "updatedAt")
    SELECT x.code, x."parkId", x."enterpriseId", x.name, x.industry, x.source::"ProjectSource", x."keyLevel"::"KeyLevel", x.content,
      x."totalInvestment", x."contractInvestment", x."registeredCapital", x."landArea", x."investmentCompletedBefore", x."fundsArrivedBefore",
      x."signedDate", x."registeredDate", x."landSuppliedDate", x."landedDate", x."plannedStartDate", x."actualStartDate",
      x."plannedProductionDate", x."actualProductionDate", x.stage::"Stage", x."stageDate", 'ACTIVE', x."imageProgress", x.problems, x."responsibleUnit", x.remark, x."createdById", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS x(code text, "parkId" int, "enterpriseId" int, name text, industry text, source text, "keyLevel" text, content text,
      "totalInvestment" numeric, "contractInvestment" numeric, "registeredCapital" numeric, "landArea" numeric, "investmentCompletedBefore" numeric, "fundsArrivedBefore" numeric,
      "signedDate" date, "registeredDate" date, "landSuppliedDate" date, "landedDate" date, "plannedStartDate" date, "actualStartDate" date,
      "plannedProductionDate" date, "actualProductionDate" date, stage text, "stageDate" date, "imageProgress" text, problems text, "responsibleUnit" text, remark text, "createdById" int)
    RETURNING id, code`;
}

type EventRow = { projectId: number; type: "SIGN" | "ADVANCE"; fromStage: Stage | null; toStage: Stage; fromStatus: "ACTIVE" | null; businessDate: string; evidence: Record<string, string> | null; note: string };

async function insertEvents(tx: Tx, rows: EventRow[], actorId: number): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.$executeRaw`
    INSERT INTO "StageEvent" ("projectId", type, "fromStage", "toStage", "fromStatus", "toStatus", "businessDate", evidence, note, "actorId")
    SELECT x."projectId", x.type::"StageEventType", x."fromStage"::"Stage", x."toStage"::"Stage", x."fromStatus"::"ProjectStatus", 'ACTIVE',
           x."businessDate", x.evidence, x.note, ${actorId}::int
    FROM jsonb_to_recordset(${json}::jsonb) AS x("projectId" int, type text, "fromStage" text, "toStage" text, "fromStatus" text, "businessDate" date, evidence jsonb, note text)`;
}

type AssignmentRow = { parkId: number; role: "LIAISON" | "LEADER"; userId: number; projectId: number; startDate: string; note: string; createdById: number };

/** The 包保 of new projects from the day they are entered, as createProject assigns the ones chosen on its form. */
async function insertAssignments(tx: Tx, rows: AssignmentRow[]): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.$executeRaw`
    INSERT INTO "Assignment" ("parkId", role, "userId", "projectId", "startDate", note, "createdById")
    SELECT x."parkId", x.role::"AssignmentRole", x."userId", x."projectId", x."startDate", x.note, x."createdById"
    FROM jsonb_to_recordset(${json}::jsonb) AS x("parkId" int, role text, "userId" int, "projectId" int, "startDate" date, note text, "createdById" int)`;
}

type AuditRow = { actorId: number; action: string; entityType: string; entityId: string; parkId: number; after: unknown };

/** The same rows writeAudit writes, many at once (writeAudit stays the path for single changes). */
async function insertAudits(tx: Tx, rows: AuditRow[]): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", "parkId", after)
    SELECT x."actorId", x.action, x."entityType", x."entityId", x."parkId", x.after
    FROM jsonb_to_recordset(${json}::jsonb) AS x("actorId" int, action text, "entityType" text, "entityId" text, "parkId" int, after jsonb)`;
}

/** This year's plan cells of a row, as writeYearPlan takes them (no investment and neither flag: no plan). */
const planCells = (r: { plannedInvestmentThisYear: string | null; planStartThisYear: boolean; planProductionThisYear: boolean }) => ({
  plannedInvestment: r.plannedInvestmentThisYear,
  planStart: r.planStartThisYear,
  planProduction: r.planProductionThisYear,
});
const hasPlan = (r: Parameters<typeof planCells>[0]) => r.plannedInvestmentThisYear !== null || r.planStartThisYear || r.planProductionThisYear;

/** Rows with the ids given to them, for the writes that follow the inserts. */
async function createProjects(tx: Tx, actor: Actor, rows: Row[], today: string, sha256: string): Promise<Map<Row, number>> {
  const ids = new Map<Row, number>();
  if (rows.length === 0) return ids;
  // Enterprises: the park's one of that name, or a new one (first row's contacts).
  const wanted = new Map<string, Row>();
  for (const r of rows) if (!wanted.has(`${r.parkId}\u0000${r.enterpriseName}`)) wanted.set(`${r.parkId}\u0000${r.enterpriseName}`, r);
  const enterpriseId = new Map<string, number>();
  const wantedRows = [...wanted.values()];
  const existing = await tx.$queryRaw<{ id: number; parkId: number; name: string }[]>`
    SELECT id, "parkId", name FROM "Enterprise"
    WHERE "parkId" = ANY(${[...new Set(wantedRows.map((r) => r.parkId))]}::int[]) AND name = ANY(${wantedRows.map((r) => r.enterpriseName)}::text[])`;
  for (const e of existing) enterpriseId.set(`${e.parkId}\u0000${e.name}`, e.id);
  const missing = wantedRows.filter((r) => !enterpriseId.has(`${r.parkId}\u0000${r.enterpriseName}`));
  for (const part of chunks(missing)) {
    const made = await insertEnterprises(tx, part);
    for (const e of made) enterpriseId.set(`${e.parkId}\u0000${e.name}`, e.id);
  }

  // Projects, their stage events, plans, 包保 and audit rows.
  const codeFor = await codeAllocator(tx, rows);
  const planned: { code: string; row: Row }[] = [];
  for (const r of rows) planned.push({ code: await codeFor(r), row: r });
  const idByCode = new Map<string, number>();
  for (const part of chunks(planned)) {
    const made = await insertProjects(
      tx,
      part.map(({ code, row: r }) => {
        const stages = reachedStages(r);
        return { ...r, code, enterpriseId: enterpriseId.get(`${r.parkId}\u0000${r.enterpriseName}`)!, stageDate: stages[stages.length - 1].date, createdById: actor.userId };
      }),
    );
    for (const p of made) idByCode.set(p.code, p.id);
  }

  const events: EventRow[] = [];
  const assignments: AssignmentRow[] = [];
  const audits: AuditRow[] = [];
  for (const { code, row: r } of planned) {
    const projectId = idByCode.get(code)!;
    ids.set(r, projectId);
    const stages = reachedStages(r);
    stages.forEach((s, i) => {
      const evidence: Record<string, string> | undefined =
        s.stage === "LANDED"
          ? (Object.fromEntries(Object.entries({ registrationDate: r.registeredDate, landArea: r.landArea, landSuppliedDate: r.landSuppliedDate }).filter(([, v]) => v)) as Record<string, string>)
          : s.stage === "STARTED"
            ? { actualStartDate: s.date }
            : s.stage === "PRODUCING"
              ? { productionDate: s.date }
              : undefined;
      events.push({
        projectId,
        type: i === 0 ? "SIGN" : "ADVANCE",
        fromStage: i === 0 ? null : stages[i - 1].stage,
        toStage: s.stage,
        fromStatus: i === 0 ? null : "ACTIVE",
        businessDate: s.date,
        evidence: evidence && Object.keys(evidence).length > 0 ? evidence : null,
        note: i === 0 ? `台账导入（第 ${r.row} 行）` : "台账导入",
      });
    });
    for (const p of r.people) assignments.push({ parkId: r.parkId, role: p.role, userId: p.user.id, projectId, startDate: today, note: "台账导入时指定", createdById: actor.userId });
    const { row, parkName: _parkName, people, liaison: _li, leader: _le, plannedInvestmentThisYear: _i, planStartThisYear: _s, planProductionThisYear: _p, ...record } = r;
    audits.push({
      actorId: actor.userId,
      action: "project.create",
      entityType: "Project",
      entityId: String(projectId),
      parkId: r.parkId,
      after: {
        ...record,
        id: projectId,
        code,
        status: "ACTIVE",
        assignments: people.map((p) => ({ role: p.role, userId: p.user.id, userName: p.user.name, startDate: today })),
        importRow: row,
        importSha256: sha256,
      },
    });
  }
  for (const part of chunks(events)) await insertEvents(tx, part, actor.userId);
  for (const part of chunks(assignments)) await insertAssignments(tx, part);
  for (const part of chunks(audits)) await insertAudits(tx, part);
  return ids;
}

/** Where a service's field error lands in the ledger (a stage move's keys are "<section>.<field>"). */
const FIELD_COLUMN: Record<string, string> = {
  userId: "liaison",
  startDate: "liaison",
  projectId: "plannedInvestmentThisYear",
  year: "plannedInvestmentThisYear",
  plannedInvestment: "plannedInvestmentThisYear",
  planStart: "planStartThisYear",
  planProduction: "planProductionThisYear",
  toStage: "stage",
};
const MOVE_FIELD_COLUMN: Record<string, Record<string, string>> = {
  landed: { date: "landedDate", registrationDate: "registeredDate", landArea: "landArea" },
  started: { date: "actualStartDate" },
  producing: { date: "actualProductionDate" },
};

function rowIssuesOf(row: number, e: AppError): RowIssue[] {
  const fields = Object.entries(e.fieldErrors ?? {});
  if (fields.length === 0) return [{ row, column: "", message: e.message }];
  const columnOf = (field: string) => {
    const [section, sub] = field.split(".");
    const key = (sub !== undefined ? MOVE_FIELD_COLUMN[section]?.[sub] : FIELD_COLUMN[field]) ?? field;
    return headerOf(key) !== key ? headerOf(key) : fieldLabel(key);
  };
  return fields.flatMap(([field, messages]) => messages.map((message) => ({ row, column: columnOf(field), message })));
}

/**
 * The changes of one existing project, inside the import's transaction, through the same
 * writes as the project page: the record edit (writeProjectUpdate, audited as
 * project.update), this year's plan (writeYearPlan, audited as project.yearPlan), a forward move (validateAdvance again on the state just written, then
 * writeStageMove, audited as project.move) and each changed 包保 (writeAssignment: the old
 * assignment ends today, the new one starts today, audited as assignment.reassign).
 */
async function updateProjectFromRow(tx: Tx, actor: Actor, u: PlannedUpdate, loaded: ProjectForUpdate | undefined, year: number, today: string): Promise<void> {
  let version = u.version;
  if (u.recordChanged) {
    const project = loaded ?? (await tx.project.findUniqueOrThrow({ where: { id: u.projectId }, include: projectForUpdateInclude(year) }));
    const r = u.record;
    // This year's plan is written by writeYearPlan below: the edit keeps the stored one.
    const plan = project.yearPlans[0] ?? null;
    const data: ProjectUpdateData = {
      version,
      name: r.name,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      legalPerson: r.legalPerson,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      industry: r.industry,
      source: r.source as ProjectUpdateData["source"],
      keyLevel: r.keyLevel as ProjectUpdateData["keyLevel"],
      specialLists: project.specialLists,
      content: r.content,
      totalInvestment: r.totalInvestment,
      contractInvestment: r.contractInvestment,
      registeredCapital: r.registeredCapital,
      landArea: r.landArea,
      signedDate: r.signedDate,
      registeredDate: r.registeredDate,
      landSuppliedDate: r.landSuppliedDate,
      plannedStartDate: r.plannedStartDate,
      plannedProductionDate: r.plannedProductionDate,
      responsibleUnit: r.responsibleUnit,
      remark: r.remark,
      plannedInvestmentThisYear: plan ? plan.plannedInvestment.toFixed(2) : null,
      planStartThisYear: plan?.planStart ?? false,
      planProductionThisYear: plan?.planProduction ?? false,
      investmentCompletedBefore: r.investmentCompletedBefore,
      fundsArrivedBefore: r.fundsArrivedBefore,
      imageProgress: r.imageProgress,
      problems: r.problems,
    };
    checkProjectUpdate(project, data);
    if ((await writeProjectUpdate(tx, actor, project, data, year)).length > 0) version++;
  }
  if (u.planChanged) {
    const plan = await writeYearPlan(tx, actor, { projectId: u.projectId, year, ...planCells(u.record) }, { via: "ledgerImport", today });
    if (plan.outcome !== "unchanged") version++; // this year's plan is part of the ledger record: its write bumps the version
  }
  if (u.advance) {
    const row = await tx.project.findUniqueOrThrow({ where: { id: u.projectId }, select: PROJECT_STATE_SELECT });
    const result = validateAdvance(toProjectState(row), u.advance, today);
    if (!result.ok) throw new AppError("VALIDATION", "请检查阶段和日期", result.errors);
    await writeStageMove(tx, actor, row, version, { backward: false, events: result.events, patch: result.patch });
  }
  for (const p of u.people) {
    await writeAssignment(tx, actor, { targetType: "PROJECT", target: { id: u.projectId, parkId: u.parkId }, role: p.role, user: p.user, startDate: today, department: null, note: "台账导入" }, today);
  }
}

/** Updates a preview tries out by writing them (and rolling back); more are previewed from the checks. */
export const TRIAL_UPDATES_MAX = 2_000;

/** One import's transaction may take this long: under the reverse proxy's 300 s (docs/deployment.md). */
export const IMPORT_TIMEOUT_MS = 270_000;

/** Prisma's answer when an interactive transaction ran past its timeout. */
export function isTransactionTimeout(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2028";
}

/** Thrown to roll back a preview's trial run, carrying what it found. */
class TrialRun extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("trial run");
  }
}

export interface ImportOutcome {
  analysis: LedgerAnalysis;
  /** Every problem: the checks', and any a write met (a trial run finds those too). */
  issues: RowIssue[];
  result: ImportResult | null;
}

/**
 * Runs an import in one transaction holding the project locks of every park the file
 * touches (in id order, so two imports never deadlock): checks the whole file again, then
 * writes every new project and every change, or nothing. `trial` rolls everything back at
 * the end (the preview: the problems a write would meet are found too). `expected` is the
 * preview's versions token: a project changed since the preview is a row problem.
 */
async function runImport(actor: Actor, parsed: ParsedLedger, opts: { trial: boolean; fileName: string; sha256: string; expected?: string }): Promise<ImportOutcome> {
  const db = getDb();
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  try {
    return await db.$transaction(
      async (tx) => {
        for (const parkId of await touchedParkIds(tx, actor, parsed)) await lockParkProjects(tx, parkId);
        const analysis = await analyseLedger(tx, actor, parsed, today);
        const issues = [...analysis.issues];
        if (opts.expected !== undefined) {
          for (const id of changedSince(opts.expected, analysis.versions)) {
            issues.push({ row: analysis.rowOfProject.get(id) ?? 0, column: "", message: "检查之后该项目已被他人修改（或新出现了同一项目），请重新上传检查后再确认" });
          }
        }
        if (issues.length > 0) {
          if (opts.trial) return { analysis, issues: asWritten(parsed, issues), result: null };
          throw new ImportRejectedError(asWritten(parsed, issues));
        }
        const created = analysis.toCreate.length;
        const updated = analysis.toUpdate.length;
        if (created + updated === 0) {
          return { analysis, issues, result: { created: 0, updated: 0, unchanged: analysis.unchanged, message: `没有需要更新的内容：${analysis.unchanged} 行与现有项目一致` } };
        }

        if (opts.trial && analysis.toUpdate.length > TRIAL_UPDATES_MAX) {
          // A very large update is previewed from the checks alone (the trial would take as long as the
          // commit); whatever the writes refuse is then named by row when confirming, and nothing is written.
          return { analysis, issues, result: null };
        }
        const createdIds = await createProjects(tx, actor, analysis.toCreate, today, opts.sha256);
        const writeIssues: RowIssue[] = [];
        for (const [r, projectId] of createdIds) {
          if (!hasPlan(r)) continue;
          try {
            await writeYearPlan(tx, actor, { projectId, year, ...planCells(r) }, { via: "ledgerImport", today });
          } catch (e) {
            if (isAppError(e) && (e.code === "VALIDATION" || e.code === "CONFLICT")) writeIssues.push(...rowIssuesOf(r.row, e));
            else throw e;
          }
        }
        const loaded = new Map<number, ProjectForUpdate>();
        const recordIds = analysis.toUpdate.filter((u) => u.recordChanged).map((u) => u.projectId);
        for (let i = 0; i < recordIds.length; i += CHUNK) {
          for (const p of await tx.project.findMany({ where: { id: { in: recordIds.slice(i, i + CHUNK) } }, include: projectForUpdateInclude(year) })) loaded.set(p.id, p);
        }
        for (const u of analysis.toUpdate) {
          try {
            await updateProjectFromRow(tx, actor, u, loaded.get(u.projectId), year, today);
          } catch (e) {
            // Refusals of the shared writes are this row's problems (JS-side checks: the transaction is still usable).
            if (e instanceof StaleVersion) writeIssues.push({ row: u.row, column: "", message: "该项目正被他人修改，请稍后重新上传检查" });
            else if (isAppError(e) && (e.code === "VALIDATION" || e.code === "CONFLICT")) writeIssues.push(...rowIssuesOf(u.row, e));
            else throw e;
          }
        }
        if (writeIssues.length > 0) {
          if (opts.trial) throw new TrialRun({ analysis, issues: asWritten(parsed, writeIssues), result: null });
          throw new ImportRejectedError(asWritten(parsed, writeIssues));
        }

        const perPark: Record<string, { created: number; updated: number }> = {};
        for (const r of analysis.toCreate) (perPark[r.parkName] ??= { created: 0, updated: 0 }).created++;
        for (const u of analysis.toUpdate) (perPark[u.parkName] ??= { created: 0, updated: 0 }).updated++;
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "project.import",
          entityType: "Import",
          entityId: opts.sha256.slice(0, 16),
          parkId: analysis.parkIds.length === 1 ? analysis.parkIds[0] : null,
          after: {
            fileName: opts.fileName,
            sha256: opts.sha256,
            rows: analysis.rowCount,
            created,
            updated,
            unchanged: analysis.unchanged,
            perPark,
            updatedProjects: analysis.toUpdate.map((u) => ({ id: u.projectId, code: u.code, row: u.row, fields: u.changes.map((c) => c.field) })),
          },
        });
        const parts = [created > 0 ? `新增 ${created} 个项目` : null, updated > 0 ? `更新 ${updated} 个项目` : null].filter(Boolean).join("，");
        const tail = analysis.unchanged > 0 ? `；${analysis.unchanged} 行与现有项目一致，未改动` : "";
        const outcome: ImportOutcome = { analysis, issues: [], result: { created, updated, unchanged: analysis.unchanged, message: `已导入：${parts}${tail}` } };
        if (opts.trial) throw new TrialRun(outcome);
        return outcome;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 15_000 },
    );
  } catch (e) {
    if (e instanceof TrialRun) return e.outcome;
    if (isTransactionTimeout(e)) throw new AppError("VALIDATION", "文件太大，未能在时限内处理完，没有导入任何内容；请拆分为多个文件分批导入");
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "导入时有他人同时录入了相同的企业或项目，没有导入任何内容；请重新上传检查");
    throw e;
  }
}

export function ensureCanImport(actor: Actor): void {
  if (parksWith(actor, "project.write").length === 0) throw forbidden("台账导入");
}

/** What importing the workbook would do, found by running it and rolling back. */
export async function trialImport(actor: Actor, bytes: Uint8Array): Promise<{ parsed: ParsedLedger; outcome: ImportOutcome }> {
  ensureCanImport(actor);
  const parsed = await parseLedgerWorkbook(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { parsed, outcome: await runImport(actor, parsed, { trial: true, fileName: "", sha256 }) };
}

/**
 * Imports the workbook: reads and checks it again (the same bytes as the preview) inside
 * one transaction holding the touched parks' project locks, then writes every new project
 * (with its enterprise, stage events, plan, 包保 and audit row) and every change of an
 * existing one (through the project page's own writes, each audited), plus one audit row
 * for the file; or, on any problem, nothing (ImportRejectedError with every problem).
 * Rows identical to existing projects are skipped, so importing a file twice changes
 * nothing the second time. `expected` is the preview's versions token.
 */
export async function commitImport(actor: Actor, bytes: Uint8Array, fileName = "台账.xlsx", expected?: string): Promise<ImportResult> {
  ensureCanImport(actor);
  const parsed = await parseLedgerWorkbook(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const outcome = await runImport(actor, parsed, { trial: false, fileName, sha256, expected });
  return outcome.result!;
}
