import "server-only";
// Shared by the project write paths (edit, stage move, status change): loading the
// project inside the actor's scope, the conflict error built from the latest audit row,
// and turning the rules' drafts (lib/domain/transitions) into rows.

import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { type ConflictInfo, PROJECT_FIELD_LABELS, conflictMessage, sortFields } from "@/lib/domain/project-fields";
import type { ProjectPatch, ProjectState, StageEventDraft } from "@/lib/domain/transitions";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/server/errors";

/** Someone else wrote the project since the caller loaded it; `conflict` says who, when and what. */
export class ProjectConflictError extends AppError {
  constructor(
    message: string,
    readonly conflict: ConflictInfo,
    fieldErrors?: Record<string, string[]>,
  ) {
    super("CONFLICT", message, fieldErrors);
  }
}

/** Audit keys that are bookkeeping, not fields a person changed. */
const NOT_FIELDS = new Set(["id", "version", "updatedAt", "createdAt", "createdById", "code", "parkId"]);

function keysOf(value: unknown): string[] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

/**
 * The conflict error for `projectId`: the latest audit row of the project tells who
 * changed it, when, and which fields. One query.
 */
export async function projectConflictError(db: Db, projectId: number): Promise<ProjectConflictError> {
  const last = await db.auditLog.findFirst({
    where: { entityType: "Project", entityId: String(projectId) },
    orderBy: { id: "desc" },
    select: { before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  const fields = sortFields([...keysOf(last?.after), ...keysOf(last?.before)]).filter((k) => !NOT_FIELDS.has(k));
  const info: ConflictInfo = { actorName: last?.actor?.name ?? null, at: last?.createdAt ?? null, fields };
  const byWho = `已被 ${info.actorName ?? "其他用户"} 修改`;
  const fieldErrors: Record<string, string[]> = {};
  for (const f of fields) if (PROJECT_FIELD_LABELS[f]) fieldErrors[f] = [byWho];
  return new ProjectConflictError(conflictMessage(info), info, Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined);
}

/** Thrown inside a transaction when the versioned update matched no row; turned into a conflict outside. */
export class StaleVersion extends Error {
  constructor() {
    super("stale project version");
  }
}


export const PROJECT_STATE_SELECT = {
  id: true,
  parkId: true,
  version: true,
  stage: true,
  stageDate: true,
  status: true,
  statusDate: true,
  statusReason: true,
  signedDate: true,
  landedDate: true,
  registeredDate: true,
  landArea: true,
  actualStartDate: true,
  actualProductionDate: true,
  capacity: true,
} as const satisfies Prisma.ProjectSelect;

export type ProjectStateRow = Prisma.ProjectGetPayload<{ select: typeof PROJECT_STATE_SELECT }>;

/** One project the actor may read, with what the rules need; NOT_FOUND outside the scope. One query. */
export async function loadProjectState(db: Db, actor: Actor, id: number): Promise<ProjectStateRow> {
  const project = await db.project.findFirst({ where: { AND: [{ id }, visibleProjectsWhere(actor)] }, select: PROJECT_STATE_SELECT });
  if (!project) throw notFound("项目");
  return project;
}

const iso = (d: Date | null) => (d ? dateToIso(d) : null);

export function toProjectState(row: ProjectStateRow): ProjectState & { capacity: string | null } {
  return {
    stage: row.stage,
    status: row.status,
    stageDate: dateToIso(row.stageDate),
    statusDate: iso(row.statusDate),
    signedDate: dateToIso(row.signedDate),
    landedDate: iso(row.landedDate),
    actualStartDate: iso(row.actualStartDate),
    actualProductionDate: iso(row.actualProductionDate),
    capacity: row.capacity,
  };
}

const DATE_COLUMNS = new Set(["stageDate", "landedDate", "registeredDate", "actualStartDate", "actualProductionDate", "statusDate"]);

/** The rules' patch as Prisma update data (dates to DATE values, the rest as is). */
export function patchToData(patch: ProjectPatch): Prisma.ProjectUncheckedUpdateManyInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    data[key] = DATE_COLUMNS.has(key) && typeof value === "string" ? isoToDate(value) : value;
  }
  return data as Prisma.ProjectUncheckedUpdateManyInput;
}

/** Audit "before": the stored values of the columns a patch writes, as plain JSON. */
export function patchBefore(row: ProjectStateRow, patch: ProjectPatch): Record<string, string | null> {
  const before: Record<string, string | null> = {};
  for (const key of Object.keys(patch) as (keyof ProjectPatch)[]) {
    if (patch[key] === undefined) continue;
    const value = (row as Record<string, unknown>)[key];
    before[key] = value === null || value === undefined ? null : value instanceof Date ? dateToIso(value) : String(value);
  }
  return before;
}

export function eventRows(projectId: number, actorId: number, drafts: StageEventDraft[]): Prisma.StageEventCreateManyInput[] {
  return drafts.map((e) => ({
    projectId,
    type: e.type,
    fromStage: e.fromStage,
    toStage: e.toStage,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    businessDate: isoToDate(e.date),
    evidence: e.evidence ?? undefined,
    note: e.note,
    actorId,
  }));
}
