import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { STAGES, type Stage } from "@/lib/domain/stages";
import type { LedgerRecord, RowIssue } from "@/lib/validation/ledger-import";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden } from "@/lib/server/errors";
import { lockParkProjects } from "@/lib/server/projects/project-record";
import { analyseLedger, issuesSummary, namedParkIds } from "./ledger-analysis";
import { parseLedgerWorkbook } from "./parse-ledger-workbook";

/** The commit found problems (the file or the database changed since the preview): nothing was written. */
export class ImportRejectedError extends AppError {
  constructor(readonly issues: RowIssue[]) {
    super("VALIDATION", issuesSummary(issues));
  }
}

export interface ImportResult {
  created: number;
  unchanged: number;
  message: string;
}

type Tx = Prisma.TransactionClient;
type Row = LedgerRecord & { row: number };

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
  const json = JSON.stringify(rows.map(({ row: _row, parkName: _parkName, enterpriseName: _e, creditCode: _c, legalPerson: _l, contactName: _n, contactPhone: _p, ...r }) => r));
  return tx.$queryRaw`
    INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, source, "keyLevel", content,
      "totalInvestment", "contractInvestment", "registeredCapital", "landArea",
      "signedDate", "registeredDate", "landSuppliedDate", "landedDate", "plannedStartDate", "actualStartDate",
      "plannedProductionDate", "actualProductionDate", stage, "stageDate", status, "responsibleUnit", remark, "createdById", "updatedAt")
    SELECT x.code, x."parkId", x."enterpriseId", x.name, x.industry, x.source::"ProjectSource", x."keyLevel"::"KeyLevel", x.content,
      x."totalInvestment", x."contractInvestment", x."registeredCapital", x."landArea",
      x."signedDate", x."registeredDate", x."landSuppliedDate", x."landedDate", x."plannedStartDate", x."actualStartDate",
      x."plannedProductionDate", x."actualProductionDate", x.stage::"Stage", x."stageDate", 'ACTIVE', x."responsibleUnit", x.remark, x."createdById", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS x(code text, "parkId" int, "enterpriseId" int, name text, industry text, source text, "keyLevel" text, content text,
      "totalInvestment" numeric, "contractInvestment" numeric, "registeredCapital" numeric, "landArea" numeric,
      "signedDate" date, "registeredDate" date, "landSuppliedDate" date, "landedDate" date, "plannedStartDate" date, "actualStartDate" date,
      "plannedProductionDate" date, "actualProductionDate" date, stage text, "stageDate" date, "responsibleUnit" text, remark text, "createdById" int)
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

type AuditRow = { actorId: number; action: string; entityType: string; entityId: string; parkId: number; after: unknown };

/** The same rows writeAudit writes, many at once (writeAudit stays the path for single changes). */
async function insertAudits(tx: Tx, rows: AuditRow[]): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", "parkId", after)
    SELECT x."actorId", x.action, x."entityType", x."entityId", x."parkId", x.after
    FROM jsonb_to_recordset(${json}::jsonb) AS x("actorId" int, action text, "entityType" text, "entityId" text, "parkId" int, after jsonb)`;
}

/**
 * Imports the workbook: reads and checks it again (the same bytes as the preview) inside
 * one transaction holding the target parks' project locks, then writes every new project
 * with its enterprise (found or created by park + name), one stage event per stage reached
 * with its date, an audit row per project and one for the import, or, on any problem,
 * nothing. Rows identical to existing projects are skipped, so importing a file twice
 * creates nothing the second time.
 */
export async function commitImport(actor: Actor, bytes: Uint8Array, fileName = "台账.xlsx"): Promise<ImportResult> {
  if (parksWith(actor, "project.write").length === 0) throw forbidden("台账导入");
  const parsed = await parseLedgerWorkbook(bytes);
  const db = getDb();
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  return db.$transaction(
    async (tx) => {
      // Lock every park the file names, in id order (no deadlock between two imports), then check.
      for (const parkId of await namedParkIds(tx, actor, parsed)) await lockParkProjects(tx, parkId);
      const analysis = await analyseLedger(tx, actor, parsed);
      if (analysis.issues.length > 0) throw new ImportRejectedError(analysis.issues);
      const rows = analysis.toCreate;
      if (rows.length === 0) {
        return { created: 0, unchanged: analysis.unchanged, message: `没有新增内容：${analysis.unchanged} 行与现有项目一致` };
      }

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

      // Projects, their stage events and audit rows.
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
      const audits: AuditRow[] = [];
      for (const { code, row: r } of planned) {
        const projectId = idByCode.get(code)!;
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
        const { row, parkName: _parkName, ...record } = r;
        audits.push({
          actorId: actor.userId,
          action: "project.create",
          entityType: "Project",
          entityId: String(projectId),
          parkId: r.parkId,
          after: { ...record, id: projectId, code, status: "ACTIVE", importRow: row, importSha256: sha256 },
        });
      }
      for (const part of chunks(events)) await insertEvents(tx, part, actor.userId);
      for (const part of chunks(audits)) await insertAudits(tx, part);

      const perPark: Record<string, number> = {};
      for (const r of rows) perPark[r.parkName] = (perPark[r.parkName] ?? 0) + 1;
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "project.import",
        entityType: "Import",
        entityId: sha256.slice(0, 16),
        parkId: analysis.parkIds.length === 1 ? analysis.parkIds[0] : null,
        after: { fileName, sha256, rows: analysis.rowCount, created: rows.length, unchanged: analysis.unchanged, perPark },
      });
      const tail = analysis.unchanged > 0 ? `，${analysis.unchanged} 行与现有项目一致未改动` : "";
      return { created: rows.length, unchanged: analysis.unchanged, message: `已导入 ${rows.length} 个项目${tail}` };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}
