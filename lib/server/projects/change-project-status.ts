import "server-only";
import { parseOrThrow, validationError } from "@/lib/server/errors";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { validateStatusChange } from "@/lib/domain/transitions";
import { statusChangeSchema } from "@/lib/validation/transition";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import {
  StaleVersion,
  eventRows,
  loadProjectState,
  patchBefore,
  patchToData,
  projectConflictError,
  toProjectState,
} from "./project-writes";

const AUDIT_ACTIONS = { SUSPEND: "project.suspend", TERMINATE: "project.terminate", RESUME: "project.resume" } as const;

/**
 * Suspends (暂缓), terminates (终止) or resumes a project: "project.correct" (park leaders,
 * administrators), a business date and a mandatory reason. The stage stays; one
 * StageEvent records the change. Same fixed cost as a stage move.
 */
export async function changeProjectStatus(actor: Actor, input: unknown): Promise<{ version: number }> {
  const parsed = parseOrThrow(statusChangeSchema, input);
  const data = parsed;
  const db = getDb();

  const row = await loadProjectState(db, actor, data.projectId);
  assertCan(actor, "project.correct", row.parkId, "项目");
  if (row.version !== data.version) throw await projectConflictError(db, row.id);

  const result = validateStatusChange(toProjectState(row), { action: data.action, date: data.date, reason: data.reason }, todayInShanghai());
  if (!result.ok) throw validationError(result.errors);
  const { event, patch } = result;

  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.project.updateMany({
        where: { id: row.id, version: data.version },
        data: { ...patchToData(patch), version: { increment: 1 } },
      });
      if (count === 0) throw new StaleVersion();
      await tx.stageEvent.createMany({ data: eventRows(row.id, actor.userId, [event]) });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: AUDIT_ACTIONS[data.action],
        entityType: "Project",
        entityId: row.id,
        parkId: row.parkId,
        before: patchBefore(row, patch),
        after: patch,
      });
    });
  } catch (e) {
    if (e instanceof StaleVersion) throw await projectConflictError(db, row.id);
    throw e;
  }
  return { version: data.version + 1 };
}
