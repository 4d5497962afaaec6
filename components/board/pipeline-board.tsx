"use client";

import { useState, useTransition } from "react";
import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import type { BoardFilters } from "@/lib/validation/board-filters";
import { loadMoreCardsAction } from "@/lib/actions/board/load-board-cards";
import { outcome } from "@/lib/actions/result";
import { type BoardCard, type BoardColumn, type BoardColumnKey, type PendingMove, canDrop, moveFor } from "./board-types";
import { BoardColumnView } from "./board-column";
import { TransitionDialog } from "./transition-dialog";
import { Alert } from "@/components/ui/alert";
import type { FormNotice } from "@/components/ui/use-action-form";

export type ParkRights = Record<number, { write: boolean; correct: boolean }>;

const NO_RIGHTS = { write: false, correct: false };

export function PipelineBoard({ columns: initial, filters, rights, showPark }: { columns: BoardColumn[]; filters: BoardFilters; rights: ParkRights; showPark: boolean }) {
  const [columns, setColumns] = useState(initial);
  const [pending, setPending] = useState<PendingMove | null>(null);
  // A move saved (green) or refused, and a page of cards that failed to load (red).
  const [notice, setNotice] = useState<FormNotice>(null);
  const refuse = (text: string) => setNotice({ kind: "error", text });
  const [loading, startLoading] = useTransition();
  // New columns from the server (a refresh after a move, other filters) replace the ones
  // loaded so far; adjusted while rendering, as React advises, rather than in an effect.
  const [shownInitial, setShownInitial] = useState(initial);
  if (shownInitial !== initial) {
    setShownInitial(initial);
    setColumns(initial);
  }

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  function onDragEnd(e: DragEndEvent) {
    const card = e.active.data.current?.card as BoardCard | undefined;
    const target = e.over?.id as BoardColumnKey | undefined;
    if (!card || !target) return;
    const move = moveFor(card, target);
    if (!move) return;
    if ("refused" in move) return refuse(move.refused);
    if (!canDrop(move, rights[card.parkId] ?? NO_RIGHTS)) return refuse(move.kind === "ADVANCE" ? "您没有推进该项目的权限" : "回退、暂缓、终止、恢复需由园区领导操作");
    setNotice(null);
    setPending(move);
  }

  function loadMore(key: BoardColumnKey, cursor: string) {
    startLoading(async () => {
      const result = outcome(await loadMoreCardsAction({ filters, column: key, cursor }));
      if (!result.ok) return refuse(result.message);
      setColumns((cols) => cols.map((c) => (c.key === key ? { ...c, cards: [...c.cards, ...result.data.cards], nextCursor: result.data.nextCursor } : c)));
    });
  }

  const stageColumns = columns.filter((c) => c.key !== "SUSPENDED" && c.key !== "TERMINATED");
  const lanes = columns.filter((c) => c.key === "SUSPENDED" || c.key === "TERMINATED");
  const common = { rights, showPark, onMove: setPending, onLoadMore: loadMore, loading };

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: "按空格键拿起卡片，用方向键移动到其他阶段列，再按空格键放下；也可使用卡片上的“移动”菜单。" } }}>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="board-notice" className="mb-3">
          {notice.text}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4" data-testid="board">
        {stageColumns.map((c) => (
          <BoardColumnView key={c.key} column={c} {...common} />
        ))}
      </div>
      <div className="mt-4 space-y-3">
        {lanes.map((c) => (
          <BoardColumnView key={c.key} column={c} lane {...common} />
        ))}
      </div>
      {pending && <TransitionDialog move={pending} onClose={() => setPending(null)} onDone={(msg) => { setPending(null); setNotice({ kind: "success", text: msg }); }} />}
    </DndContext>
  );
}
