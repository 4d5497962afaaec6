import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { parkPlansSaveSchema } from "@/lib/validation/year-plans";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";
import { writePlansBatch } from "./write-plans-batch";

export interface SavedPlans {
  year: number;
  saved: number;
  removed: number;
  unchanged: number;
}

/**
 * Saves rows of a park's plan grid for one year in one transaction: every row through
 * writeYearPlan (with the plan the person loaded, so a row someone else changed meanwhile is
 * a CONFLICT), all or nothing, every refused row reported at once under `rows.{i}.…`. Each
 * changed project gets its audit row, and the save one summary row (`plan.bulkSave`).
 * project.write in the park; rows must be the park's projects.
 */
export async function saveParkPlans(actor: Actor, input: unknown): Promise<SavedPlans> {
  const { parkId, year, rows } = parseOrThrow(parkPlansSaveSchema, input);
  assertCan(actor, "project.write", parkId, "园区");
  const db = getDb();
  await assertParkOpen(db, parkId);
  const inPark = new Set((await db.project.findMany({ where: { id: { in: rows.map((r) => r.projectId) }, parkId }, select: { id: true } })).map((p) => p.id));
  const foreign: Record<string, string[]> = {};
  rows.forEach((r, i) => {
    if (!inPark.has(r.projectId)) foreign[`rows.${i}.projectId`] = ["不是本园区的项目"];
  });
  if (Object.keys(foreign).length > 0) throw new AppError("VALIDATION", "提交的计划中有不属于本园区的项目", foreign);

  return db.$transaction(
    async (tx) => {
      const { results, errors } = await writePlansBatch(
        tx,
        actor,
        rows.map((r, i) => ({ input: { ...r, year }, opts: { via: "grid" as const, field: `rows.${i}` } })),
      );
      const refused = errors.filter((e): e is AppError => e !== null);
      if (refused.length > 0) {
        const fieldErrors: Record<string, string[]> = {};
        for (const e of refused) for (const [k, v] of Object.entries(e.fieldErrors ?? {})) fieldErrors[k] = [...(fieldErrors[k] ?? []), ...v];
        const conflict = refused.find((e) => e.code === "CONFLICT");
        const message = conflict
          ? refused.length === 1
            ? conflict.message
            : `${refused.length} 行未能保存（其中有他人刚修改过的计划），全部未保存，请刷新后重新填写`
          : refused.length === 1
            ? refused[0].message
            : `${refused.length} 行有问题，全部未保存，请检查标红的行`;
        throw new AppError(conflict ? "CONFLICT" : "VALIDATION", message, fieldErrors);
      }
      const done = results.filter((r) => r !== null);
      const saved = done.filter((r) => r.outcome === "set");
      const removed = done.filter((r) => r.outcome === "removed");
      if (saved.length + removed.length > 0) {
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "plan.bulkSave",
          entityType: "YearPlan",
          entityId: `${parkId}-${year}`,
          parkId,
          after: { year, saved: saved.length, removed: removed.length, projectIds: [...saved, ...removed].map((r) => r.projectId) },
        });
      }
      return { year, saved: saved.length, removed: removed.length, unchanged: done.length - saved.length - removed.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
