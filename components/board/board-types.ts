import type { BoardCard, BoardColumn } from "@/lib/server/board/get-board";
import type { BoardColumnKey } from "@/lib/validation/board-filters";
import type { Stage } from "@/lib/domain/stages";
import { STAGES, STAGE_LABELS, STATUS_LABELS, stageIndex } from "@/lib/domain/stages";
import { STATUS_ACTION_LABELS, allowedMoves, canChangeStatus, type StatusAction } from "@/lib/domain/transitions";

export type { BoardCard, BoardColumn, BoardColumnKey };

export type MoveKind = "ADVANCE" | "ROLLBACK" | "SUSPEND" | "TERMINATE" | "RESUME";

/** What a move needs to know about the project (a board card or a project page). */
export type MovableProject = Pick<BoardCard, "id" | "version" | "name" | "stage" | "status" | "parkId">;

export interface PendingMove {
  card: MovableProject;
  kind: MoveKind;
  toStage: Stage;
}

/** A column's name: 签约 … 投产, 暂缓项目, 终止项目. */
export function columnLabel(key: BoardColumnKey): string {
  return key === "SUSPENDED" || key === "TERMINATED" ? `${STATUS_LABELS[key]}项目` : STAGE_LABELS[key as Stage];
}

export function columnOf(card: MovableProject): BoardColumnKey {
  return card.status === "ACTIVE" ? card.stage : card.status;
}

/** What dropping `card` on column `target` means, or a reason it cannot be done. */
export function moveFor(card: BoardCard, target: BoardColumnKey): PendingMove | { refused: string } | null {
  const from = columnOf(card);
  if (from === target) return null;
  if (target === "SUSPENDED" || target === "TERMINATED") {
    const kind = target === "SUSPENDED" ? "SUSPEND" : "TERMINATE";
    if (!canChangeStatus(card.status, kind)) return { refused: "已终止的项目请先恢复推进" };
    return { card, kind, toStage: card.stage };
  }
  if (card.status !== "ACTIVE") {
    if (target !== card.stage) return { refused: `恢复推进的项目回到原阶段，请拖到“${STAGE_LABELS[card.stage]}”列` };
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

const MOVE_LABELS: Record<MoveKind, (m: PendingMove) => string> = {
  ADVANCE: (m) => `推进到 ${STAGE_LABELS[m.toStage]}`,
  ROLLBACK: (m) => `更正回退到 ${STAGE_LABELS[m.toStage]}`,
  SUSPEND: () => STATUS_ACTION_LABELS.SUSPEND,
  TERMINATE: () => STATUS_ACTION_LABELS.TERMINATE,
  RESUME: () => STATUS_ACTION_LABELS.RESUME,
};

/** "推进到 开工", "暂缓" ... for menus and buttons. */
export function moveLabel(m: PendingMove): string {
  return MOVE_LABELS[m.kind](m);
}
