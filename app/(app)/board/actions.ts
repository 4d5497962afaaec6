"use server";

import { getActor } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { getBoardColumnPage } from "@/lib/server/board/get-board";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { filesFromForm } from "@/lib/server/attachments/evidence-files";
import { boardFiltersSchema, BOARD_COLUMNS, type BoardColumnKey } from "@/lib/validation/board-filters";

// Thin adapters: parse, then call lib/server, which checks role and park itself.

async function actor() {
  const a = await getActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return a;
}

export async function loadMoreCardsAction(filters: unknown, key: BoardColumnKey, cursor: string) {
  return runAction(async () => {
    const parsed = boardFiltersSchema.safeParse(filters);
    if (!parsed.success || !BOARD_COLUMNS.includes(key)) throw new AppError("VALIDATION", "看板筛选条件无效，请刷新页面");
    return getBoardColumnPage(await actor(), parsed.data, key, cursor);
  });
}

/** `files`: a FormData whose "attachments" entries are the evidence scans and photos. */
export async function moveStageAction(input: unknown, files?: FormData): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => moveProjectStage(await actor(), input, await filesFromForm(files)));
}

export async function changeStatusAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => changeProjectStatus(await actor(), input));
}
