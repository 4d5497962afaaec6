import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso } from "@/lib/domain/dates";
import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "@/lib/domain/labels";
import { formatWan } from "@/lib/domain/money";
import { EVIDENCE_LABELS, fieldLabel, sortEvidence, sortFields } from "@/lib/domain/project-fields";
import { STAGE_LABELS, STATUS_LABELS, type ProjectStatus, type Stage } from "@/lib/domain/stages";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { type DecisionEntry, listDecisionsFor } from "@/lib/server/meetings/list-decisions";

export type StageEventKind = "SIGN" | "ADVANCE" | "ROLLBACK" | "SUSPEND" | "TERMINATE" | "RESUME";

export interface HistoryStageEntry {
  kind: "stage";
  /** Unique within the list ("event-12"). */
  key: string;
  type: StageEventKind;
  fromStage: Stage | null;
  toStage: Stage;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus;
  /** Business date, YYYY-MM-DD. */
  businessDate: string;
  /** Evidence with labels (a correction lists the values it cleared). */
  evidence: { key: string; label: string; value: string }[];
  note: string | null;
  actorName: string;
  /** When it was recorded, ISO timestamp. */
  recordedAt: string;
  /** Evidence files (download at /api/attachments/{id}). */
  attachments: { id: number; fileName: string; size: number }[];
}

export interface HistoryEditEntry {
  kind: "edit";
  key: string;
  actorName: string | null;
  recordedAt: string;
  /** Changed fields with display values (null = empty). */
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}

/** A 议定事项 of a 每月会商 on this project (or one of its problems' items), with its follow-up tasks. */
export interface HistoryDecisionEntry {
  kind: "decision";
  key: string;
  recordedAt: string;
  decision: DecisionEntry;
}

export type ProjectHistoryEntry = HistoryStageEntry | HistoryEditEntry | HistoryDecisionEntry;

/** Enough for any real project's life; the page shows the newest. */
const HISTORY_LIMIT = 500;

const MONEY_FIELDS = new Set(["totalInvestment", "contractInvestment", "registeredCapital", "plannedInvestmentThisYear", "investmentCompletedBefore", "fundsArrivedBefore"]);

function display(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.length > 0 ? value.join("、") : null;
  const text = String(value);
  if (MONEY_FIELDS.has(field)) return formatWan(text);
  if (field === "landArea") return `${text} 亩`;
  if (field === "source") return SOURCE_LABELS[text] ?? text;
  if (field === "keyLevel") return KEY_LEVEL_LABELS[text] ?? text;
  if (field === "stage") return STAGE_LABELS[text as Stage] ?? text;
  if (field === "status") return STATUS_LABELS[text as ProjectStatus] ?? text;
  return text;
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function evidenceOf(type: StageEventKind, evidence: Record<string, unknown>): HistoryStageEntry["evidence"] {
  // A correction keeps the values it cleared, under the Project column names.
  const rollback = type === "ROLLBACK";
  return (rollback ? sortFields : sortEvidence)(Object.keys(evidence)).map((key) => ({
    key,
    label: rollback ? `已清除的${fieldLabel(key)}` : (EVIDENCE_LABELS[key] ?? fieldLabel(key)),
    value: key === "landArea" ? `${String(evidence[key])} 亩` : String(evidence[key]),
  }));
}

/**
 * The project's timeline for its page: every stage event (with business date, evidence
 * and note) and every edit of the record (with the fields changed, before and after),
 * newest first by the time they were recorded. NOT_FOUND outside the actor's scope.
 */
export async function getProjectHistory(actor: Actor, id: number): Promise<ProjectHistoryEntry[]> {
  const db = getDb();
  const project = await db.project.findFirst({ where: { AND: [{ id }, visibleProjectsWhere(actor)] }, select: { id: true } });
  if (!project) throw notFound("项目");

  const [events, edits, decisions] = await Promise.all([
    db.stageEvent.findMany({
      where: { projectId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        type: true,
        fromStage: true,
        toStage: true,
        fromStatus: true,
        toStatus: true,
        businessDate: true,
        evidence: true,
        note: true,
        createdAt: true,
        actor: { select: { name: true } },
        attachments: { select: { id: true, fileName: true, size: true }, orderBy: { id: "asc" } },
      },
    }),
    db.auditLog.findMany({
      where: { entityType: "Project", entityId: String(id), action: "project.update" },
      orderBy: { id: "desc" },
      take: HISTORY_LIMIT,
      select: { id: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    }),
    listDecisionsFor(actor, { projectId: id }),
  ]);

  const entries: (ProjectHistoryEntry & { at: number; order: number })[] = [];
  for (const e of events) {
    entries.push({
      kind: "stage",
      key: `event-${e.id}`,
      type: e.type,
      fromStage: e.fromStage,
      toStage: e.toStage,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      businessDate: dateToIso(e.businessDate),
      evidence: evidenceOf(e.type, objectOf(e.evidence)),
      note: e.note,
      actorName: e.actor.name,
      recordedAt: e.createdAt.toISOString(),
      attachments: e.attachments,
      at: e.createdAt.getTime(),
      order: e.id,
    });
  }
  for (const a of edits) {
    const before = objectOf(a.before);
    const after = objectOf(a.after);
    const fields = sortFields([...Object.keys(after), ...Object.keys(before)]);
    entries.push({
      kind: "edit",
      key: `edit-${a.id.toString()}`,
      actorName: a.actor?.name ?? null,
      recordedAt: a.createdAt.toISOString(),
      changes: fields.map((field) => ({ field, label: fieldLabel(field), before: display(field, before[field]), after: display(field, after[field]) })),
      at: a.createdAt.getTime(),
      order: Number(a.id),
    });
  }
  for (const d of decisions) entries.push({ kind: "decision", key: `decision-${d.id}`, recordedAt: d.at, decision: d, at: new Date(d.at).getTime(), order: d.id });
  // Newest first; events written together (a jump of several stages) keep their order, last stage on top.
  entries.sort((x, y) => y.at - x.at || (x.kind === y.kind ? y.order - x.order : x.kind === "edit" ? -1 : 1));
  return entries.map(({ at: _at, order: _order, ...entry }) => entry as ProjectHistoryEntry);
}
