import type { BoardCard, BoardColumn } from "@/lib/server/board/get-board";
import type { BoardColumnKey } from "@/lib/validation/board-filters";
import { useTranslations } from "next-intl";
import type { Stage } from "@/lib/domain/stages";
import { STAGES, stageIndex } from "@/lib/domain/stages";
import { allowedMoves, canChangeStatus, type StatusAction } from "@/lib/domain/transitions";

export type { BoardCard, BoardColumn, BoardColumnKey };

export type MoveKind = "ADVANCE" | "ROLLBACK" | "SUSPEND" | "TERMINATE" | "RESUME";

/** What a move needs to know about the project (a board card or a project page). */
export type MovableProject = Pick<BoardCard, "id" | "version" | "name" | "stage" | "status" | "parkId">;

export interface PendingMove {
  card: MovableProject;
  kind: MoveKind;
  toStage: Stage;
}

/** Why a drop is refused: a terminated project is resumed first; a resumed one goes back to its own stage. */
export type MoveRefusal = "terminatedFirst" | "resumeSameStage";

export function columnOf(card: MovableProject): BoardColumnKey {
  return card.status === "ACTIVE" ? card.stage : card.status;
}

/** What dropping `card` on column `target` means, or a reason it cannot be done. */
export function moveFor(card: BoardCard, target: BoardColumnKey): PendingMove | { refused: MoveRefusal } | null {
  const from = columnOf(card);
  if (from === target) return null;
  if (target === "SUSPENDED" || target === "TERMINATED") {
    const kind = target === "SUSPENDED" ? "SUSPEND" : "TERMINATE";
    if (!canChangeStatus(card.status, kind)) return { refused: "terminatedFirst" };
    return { card, kind, toStage: card.stage };
  }
  if (card.status !== "ACTIVE") {
    if (target !== card.stage) return { refused: "resumeSameStage" };
    return { card, kind: "RESUME", toStage: card.stage };
  }
  return { card, kind: stageIndex(target) > stageIndex(card.stage) ? "ADVANCE" : "ROLLBACK", toStage: target };
}

const MENU_STATUS_ORDER: readonly StatusAction[] = ["RESUME", "SUSPEND", "TERMINATE"];

/** The moves the card's menu offers, given the actor's rights in the card's park: the rule's
 *  `allowedMoves`, with stage moves only for an active project (one that is suspended or
 *  terminated is resumed first, as on the board) and 恢复推进 listed first. */
export function menuMoves(card: MovableProject, rights: { write: boolean; correct: boolean }): PendingMove[] {
  const allowed = allowedMoves(card.stage, card.status);
  const moves: PendingMove[] = [];
  if (card.status === "ACTIVE") {
    for (const s of STAGES) {
      if (rights.write && allowed.advance.includes(s)) moves.push({ card, kind: "ADVANCE", toStage: s });
      if (rights.correct && allowed.rollback.includes(s)) moves.push({ card, kind: "ROLLBACK", toStage: s });
    }
  }
  if (rights.correct) {
    for (const action of MENU_STATUS_ORDER) if (allowed.statusActions.includes(action)) moves.push({ card, kind: action, toStage: card.stage });
  }
  return moves;
}

export function canDrop(move: PendingMove, rights: { write: boolean; correct: boolean }): boolean {
  return move.kind === "ADVANCE" ? rights.write : rights.correct;
}

/**
 * The board's words in the active language: a column's name (签约 … 投产, 暂缓项目, 终止项目),
 * a move's label ("推进到 开工", "暂缓" ... for menus and buttons), a refusal's text.
 */
export function useBoardLabels() {
  const t = useTranslations("board");
  const tc = useTranslations("common");
  const stage = (s: Stage) => tc(`enum.stage.${s}`);
  const column = (key: BoardColumnKey) =>
    key === "SUSPENDED" || key === "TERMINATED" ? t("column.ofStatus", { status: tc(`enum.status.${key}`) }) : stage(key);
  const move = (m: PendingMove) =>
    m.kind === "ADVANCE"
      ? t("move.advanceTo", { stage: stage(m.toStage) })
      : m.kind === "ROLLBACK"
        ? t("move.rollbackTo", { stage: stage(m.toStage) })
        : tc(`enum.statusAction.${m.kind}`);
  const refusal = (r: MoveRefusal, card: MovableProject) =>
    r === "terminatedFirst" ? t("move.terminatedFirst") : t("move.resumeSameStage", { stage: stage(card.stage) });
  return { t, tc, stage, column, move, refusal };
}

export type BoardLabels = ReturnType<typeof useBoardLabels>;
