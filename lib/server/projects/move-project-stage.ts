import "server-only";
import { parseOrThrow, validationError } from "@/lib/server/errors";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { stageIndex } from "@/lib/domain/stages";
import { validateAdvance, validateRollback, type ProjectPatch, type StageEventDraft } from "@/lib/domain/transitions";
import { moveStageSchema, toAdvanceInput } from "@/lib/validation/transition";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { type EvidenceFile, attachmentRows, checkEvidenceFiles } from "@/lib/server/attachments/evidence-files";
import {
  StaleVersion,
  type ProjectStateRow,
  eventRows,
  loadProjectState,
  patchBefore,
  patchToData,
  projectConflictError,
  toProjectState,
} from "./project-writes";

/**
 * Moves a project to another stage.
 *
 * Forward (toStage after the current stage; "project.write"): one StageEvent per stage
 * reached, each with its business date and evidence. Backward (a correction;
 * "project.correct"): a reason is required, the dates of the stages above the target are
 * cleared, one ROLLBACK event dated today.
 *
 * Evidence files (scans, photos) are attached to the event of the stage reached last, in
 * the same transaction.
 *
 * Cost is fixed whatever the park's size: one read, then one transaction of the
 * versioned update, one multi-row insert of events, one of attachments if any, and one
 * audit insert (plus one read of the audit trail when reporting a conflict).
 */
export async function moveProjectStage(actor: Actor, input: unknown, files: EvidenceFile[] = []): Promise<{ version: number }> {
  const parsed = parseOrThrow(moveStageSchema, input);
  checkEvidenceFiles(files);
  const data = parsed;
  const db = getDb();

  const row = await loadProjectState(db, actor, data.projectId);
  const backward = stageIndex(data.toStage) < stageIndex(row.stage);
  assertCan(actor, backward ? "project.correct" : "project.write", row.parkId, "项目");
  if (row.version !== data.version) throw await projectConflictError(db, row.id);

  const state = toProjectState(row);
  const today = todayInShanghai();
  let events: StageEventDraft[];
  let patch: ProjectPatch;
  if (backward) {
    const result = validateRollback(state, { toStage: data.toStage, reason: data.reason }, today);
    if (!result.ok) throw validationError(result.errors);
    events = [result.event];
    patch = result.patch;
  } else {
    const result = validateAdvance(state, toAdvanceInput(data), today);
    if (!result.ok) throw validationError(result.errors);
    events = result.events;
    patch = result.patch;
  }

  try {
    await db.$transaction((tx) => writeStageMove(tx, actor, row, data.version, { backward, events, patch }, files));
  } catch (e) {
    if (e instanceof StaleVersion) throw await projectConflictError(db, row.id);
    throw e;
  }
  return { version: data.version + 1 };
}

/**
 * The write of a stage move checked by validateAdvance / validateRollback, inside `tx`: the
 * versioned update (StaleVersion when `version` is not the stored one), one event per stage
 * reached (evidence files on the last), one audit row. Shared by moveProjectStage and the
 * ledger import, which moves a project forward inside its own transaction.
 */
export async function writeStageMove(
  tx: Prisma.TransactionClient,
  actor: Actor,
  row: ProjectStateRow,
  version: number,
  move: { backward: boolean; events: StageEventDraft[]; patch: ProjectPatch },
  files: EvidenceFile[] = [],
): Promise<void> {
  const { backward, events, patch } = move;
  const { count } = await tx.project.updateMany({
    where: { id: row.id, version },
    data: { ...patchToData(patch), version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersion();
  const rows = eventRows(row.id, actor.userId, events);
  if (files.length === 0) await tx.stageEvent.createMany({ data: rows });
  else {
    const created = await tx.stageEvent.createManyAndReturn({ data: rows, select: { id: true } });
    const stageEventId = Math.max(...created.map((e) => e.id));
    await tx.attachment.createMany({ data: attachmentRows(files, { parkId: row.parkId, projectId: row.id, stageEventId, uploadedById: actor.userId }) });
  }
  await writeAudit(tx, {
    actorId: actor.userId,
    action: backward ? "project.correct" : "project.move",
    entityType: "Project",
    entityId: row.id,
    parkId: row.parkId,
    before: patchBefore(row, patch),
    after: {
      ...(backward ? { ...patch, reason: events[0].note } : patch),
      ...(files.length ? { attachments: files.map((f) => f.fileName) } : {}),
    },
  });
}
