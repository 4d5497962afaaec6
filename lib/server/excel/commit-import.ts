import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate } from "@/lib/domain/dates";
import { STAGES, type Stage } from "@/lib/domain/stages";
import type { LedgerRecord, RowIssue } from "@/lib/validation/ledger-import";
import { type Actor, parksWith } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden } from "@/lib/server/errors";
import { lockParkProjects } from "@/lib/server/projects/project-record";
import { analyseLedger, issuesSummary } from "./ledger-analysis";
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

const date = (v: string | null) => (v ? isoToDate(v) : null);

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
      // Lock every park the file could create in, in id order (no deadlock between two imports).
      const candidate = await analyseLedger(tx, actor, parsed);
      for (const parkId of [...candidate.parkIds].sort((a, b) => a - b)) await lockParkProjects(tx, parkId);
      const analysis = candidate.parkIds.length > 0 ? await analyseLedger(tx, actor, parsed) : candidate;
      if (analysis.issues.length > 0) throw new ImportRejectedError(analysis.issues);
      const rows = analysis.toCreate;
      if (rows.length === 0) {
        return { created: 0, unchanged: analysis.unchanged, message: `没有新增内容：${analysis.unchanged} 行与现有项目一致` };
      }

      // Enterprises: the park's one of that name, or a new one (first row's contacts).
      const wanted = new Map<string, Row>();
      for (const r of rows) if (!wanted.has(`${r.parkId}\u0000${r.enterpriseName}`)) wanted.set(`${r.parkId}\u0000${r.enterpriseName}`, r);
      const enterpriseId = new Map<string, number>();
      const existing = await tx.enterprise.findMany({
        where: { OR: [...wanted.values()].map((r) => ({ parkId: r.parkId, name: r.enterpriseName })) },
        select: { id: true, parkId: true, name: true },
      });
      for (const e of existing) enterpriseId.set(`${e.parkId}\u0000${e.name}`, e.id);
      const missing = [...wanted.entries()].filter(([k]) => !enterpriseId.has(k)).map(([, r]) => r);
      for (const part of chunks(missing)) {
        const made = await tx.enterprise.createManyAndReturn({
          data: part.map((r) => ({
            parkId: r.parkId,
            name: r.enterpriseName,
            creditCode: r.creditCode,
            legalPerson: r.legalPerson,
            contactName: r.contactName,
            contactPhone: r.contactPhone,
            industry: r.industry,
          })),
          select: { id: true, parkId: true, name: true },
        });
        for (const e of made) enterpriseId.set(`${e.parkId}\u0000${e.name}`, e.id);
      }

      // Projects, their stage events and audit rows.
      const codeFor = await codeAllocator(tx, rows);
      const planned: { code: string; row: Row }[] = [];
      for (const r of rows) planned.push({ code: await codeFor(r), row: r });
      const idByCode = new Map<string, number>();
      for (const part of chunks(planned)) {
        const made = await tx.project.createManyAndReturn({
          data: part.map(({ code, row: r }) => {
            const stages = reachedStages(r);
            return {
              code,
              parkId: r.parkId,
              enterpriseId: enterpriseId.get(`${r.parkId}\u0000${r.enterpriseName}`)!,
              name: r.name,
              industry: r.industry,
              source: r.source as Prisma.ProjectCreateManyInput["source"],
              keyLevel: r.keyLevel as Prisma.ProjectCreateManyInput["keyLevel"],
              content: r.content,
              totalInvestment: r.totalInvestment,
              contractInvestment: r.contractInvestment,
              registeredCapital: r.registeredCapital,
              landArea: r.landArea,
              signedDate: isoToDate(r.signedDate),
              registeredDate: date(r.registeredDate),
              landSuppliedDate: date(r.landSuppliedDate),
              landedDate: date(r.landedDate),
              plannedStartDate: date(r.plannedStartDate),
              actualStartDate: date(r.actualStartDate),
              plannedProductionDate: date(r.plannedProductionDate),
              actualProductionDate: date(r.actualProductionDate),
              stage: r.stage,
              stageDate: isoToDate(stages[stages.length - 1].date),
              status: "ACTIVE" as const,
              responsibleUnit: r.responsibleUnit,
              remark: r.remark,
              createdById: actor.userId,
            };
          }),
          select: { id: true, code: true },
        });
        for (const p of made) idByCode.set(p.code, p.id);
      }

      const events: Prisma.StageEventCreateManyInput[] = [];
      const audits: Prisma.AuditLogCreateManyInput[] = [];
      for (const { code, row: r } of planned) {
        const projectId = idByCode.get(code)!;
        const stages = reachedStages(r);
        stages.forEach((s, i) => {
          const evidence: Record<string, string> | undefined =
            s.stage === "LANDED"
              ? Object.fromEntries(Object.entries({ registrationDate: r.registeredDate, landArea: r.landArea, landSuppliedDate: r.landSuppliedDate }).filter(([, v]) => v)) as Record<string, string>
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
            toStatus: "ACTIVE",
            businessDate: isoToDate(s.date),
            evidence: evidence && Object.keys(evidence).length > 0 ? evidence : undefined,
            note: i === 0 ? `台账导入（第 ${r.row} 行）` : "台账导入",
            actorId: actor.userId,
          });
        });
        const { row, parkName: _parkName, ...record } = r;
        audits.push({
          actorId: actor.userId,
          action: "project.create",
          entityType: "Project",
          entityId: String(projectId),
          parkId: r.parkId,
          after: { ...record, id: projectId, code, status: "ACTIVE", importRow: row, importSha256: sha256 } as Prisma.InputJsonValue,
        });
      }
      for (const part of chunks(events)) await tx.stageEvent.createMany({ data: part });
      for (const part of chunks(audits)) await tx.auditLog.createMany({ data: part });

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
