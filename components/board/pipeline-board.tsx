"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { DndContext, type DragEndEvent, KeyboardCode, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import type { BoardFilters } from "@/lib/validation/board-filters";
import { loadMoreCardsAction } from "@/lib/actions/board/load-board-cards";
import { outcome } from "@/lib/actions/result";
import { type BoardCard, type BoardColumn, type BoardColumnKey, type PendingMove, canDrop, menuMoves, moveFor, useBoardLabels } from "./board-types";
import { BoardColumnView } from "./board-column";
import { boardAnnouncements, cardKeys, columnCoordinates, screenReaderInstructions } from "./board-a11y";
import { TransitionDialog } from "./transition-dialog";
import { Alert } from "@/components/ui/alert";
import type { FormNotice } from "@/components/ui/use-action-form";

export type ParkRights = Record<number, { write: boolean; correct: boolean }>;

const NO_RIGHTS = { write: false, correct: false };
/** The stage grid is one roving group; each folded lane (暂缓, 终止) is one of its own. */
const GRID = "grid";
/** Tailwind's md: four columns side by side (two from md, four from xl) instead of one stage at a time. */
const WIDE_QUERY = "(min-width: 768px)";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Picked up with Space only: Enter on a card opens the project. */
const KEYBOARD_CODES = { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab] };

export function PipelineBoard({ columns: initial, filters, rights, showPark }: { columns: BoardColumn[]; filters: BoardFilters; rights: ParkRights; showPark: boolean }) {
  const labels = useBoardLabels();
  const { t } = labels;
  const keys = cardKeys(labels);
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

  // Phones show one stage at a time, picked with the tabs above the board.
  const [phoneStage, setPhoneStage] = useState<BoardColumnKey>("SIGNED");
  const wide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE_QUERY).matches,
    () => true,
  );
  // Roving tabindex: per group, the card that has the one Tab stop; the menu open, if any.
  const [activeCard, setActiveCard] = useState<Record<string, number>>({});
  const [menuFor, setMenuFor] = useState<number | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  /** A card to give the focus back to once it is on the page (after the dialog, after a refresh moved it). */
  const focusWanted = useRef<{ id: number; until: number } | null>(null);
  const keysId = useId();
  const readOnlyKeysId = useId();

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { keyboardCodes: KEYBOARD_CODES, coordinateGetter: columnCoordinates }),
  );

  const stageColumns = columns.filter((c) => c.key !== "SUSPENDED" && c.key !== "TERMINATED");
  const lanes = columns.filter((c) => c.key === "SUSPENDED" || c.key === "TERMINATED");
  const visibleStages = wide ? stageColumns : stageColumns.filter((c) => c.key === phoneStage);

  /** The card of a group that has the Tab stop: the one last focused if still shown, else the first. */
  function tabbableOf(group: string, cols: BoardColumn[]): number | null {
    const shown = cols.flatMap((c) => c.cards.map((card) => card.id));
    const last = activeCard[group];
    return last !== undefined && shown.includes(last) ? last : (shown[0] ?? null);
  }
  const tabbable: Record<string, number | null> = { [GRID]: tabbableOf(GRID, visibleStages) };
  for (const lane of lanes) tabbable[lane.key] = tabbableOf(lane.key, [lane]);

  function giveFocusBack(id: number, ms = 0) {
    const before = focusWanted.current?.id === id ? focusWanted.current.until : 0;
    focusWanted.current = { id, until: Math.max(before, Date.now() + ms) };
  }

  // The focus back on a card: after the dialog closed, and again when the refresh after a move
  // puts the card in its new column (a new element).
  useEffect(() => {
    const want = focusWanted.current;
    if (!want || pending) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-project-id="${want.id}"]`);
    const focusIsLost = !document.activeElement || document.activeElement === document.body;
    if (card && (focusIsLost || document.activeElement === card || boardRef.current?.contains(document.activeElement))) card.focus();
    if (Date.now() >= want.until) focusWanted.current = null;
  });

  // Arrow keys between the cards of a group (up/down in a column, left/right across columns),
  // Home/End, Enter to open, M (or the context-menu key, Shift+F10) for the 移动 menu.
  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    function onKeyDown(e: KeyboardEvent) {
      if (dragging.current || e.altKey || e.ctrlKey || e.metaKey) return;
      const card = e.target instanceof HTMLElement && e.target.matches("[data-project-id]") ? e.target : null;
      if (!card || !board) return;
      const id = Number(card.dataset.projectId);
      const group = card.closest<HTMLElement>("[data-roving-group]");
      const column = card.closest<HTMLElement>("[data-column]");
      if (!group || !column) return;
      const cardsOf = (col: Element) => [...col.querySelectorAll<HTMLElement>("[data-project-id]")];
      const inColumn = cardsOf(column);
      const index = inColumn.indexOf(card);
      const focus = (target: HTMLElement | undefined) => {
        if (!target) return;
        e.preventDefault();
        target.focus();
      };
      switch (e.key) {
        case "ArrowDown":
          return focus(inColumn[index + 1]);
        case "ArrowUp":
          return focus(inColumn[index - 1]);
        case "Home":
          return focus(inColumn[0]);
        case "End":
          return focus(inColumn[inColumn.length - 1]);
        case "ArrowLeft":
        case "ArrowRight": {
          const step = e.key === "ArrowRight" ? 1 : -1;
          if (group.dataset.rovingGroup !== GRID) return focus(inColumn[index + step]); // a lane is a grid of cards: along it
          const order = [...group.querySelectorAll<HTMLElement>("[data-column]")];
          for (let i = order.indexOf(column) + step; i >= 0 && i < order.length; i += step) {
            const cards = cardsOf(order[i]);
            if (cards.length === 0) continue;
            const target = cards[Math.min(index, cards.length - 1)];
            if (order[i].offsetParent !== null) return focus(target);
            // A phone shows one stage: switch to the next one and focus there once it is shown.
            e.preventDefault();
            setPhoneStage(order[i].dataset.column as BoardColumnKey);
            giveFocusBack(Number(target.dataset.projectId));
            return;
          }
          return;
        }
        case "Enter":
          if (e.shiftKey) return;
          e.preventDefault();
          card.querySelector<HTMLElement>("[data-card-link]")?.click();
          return;
        case "m":
        case "M":
        case "ContextMenu":
        case "F10":
          if (e.key === "F10" && !e.shiftKey) return;
          if (!card.querySelector('[aria-haspopup="menu"]')) return;
          e.preventDefault();
          setMenuFor(id);
          return;
      }
    }
    board.addEventListener("keydown", onKeyDown);
    return () => board.removeEventListener("keydown", onKeyDown);
  }, []);

  function onDragEnd(e: DragEndEvent) {
    dragging.current = false;
    const card = e.active.data.current?.card as BoardCard | undefined;
    const target = e.over?.id as BoardColumnKey | undefined;
    if (!card || !target) return;
    const move = moveFor(card, target);
    if (!move) return;
    if ("refused" in move) return refuse(labels.refusal(move.refused, card));
    if (!canDrop(move, rights[card.parkId] ?? NO_RIGHTS)) {
      return refuse(move.kind === "ADVANCE" ? (rights[card.parkId]?.correct ? t("noAdvance") : t("move.noRight")) : t("move.leaderOnly"));
    }
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

  function openMove(move: PendingMove) {
    setMenuFor(null);
    giveFocusBack(move.card.id);
    setPending(move);
  }

  const keyboardFor = (group: string) => (card: BoardCard) => ({
    tabbable: tabbable[group] === card.id,
    describedBy: menuMoves(card, rights[card.parkId] ?? NO_RIGHTS).length > 0 ? keysId : readOnlyKeysId,
    menuOpen: menuFor === card.id,
    onMenuOpenChange: (open: boolean) => setMenuFor(open ? card.id : null),
    onFocus: () => setActiveCard((a) => (a[group] === card.id ? a : { ...a, [group]: card.id })),
  });
  const common = { rights, showPark, onMove: openMove, onLoadMore: loadMore, loading };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={() => {
        dragging.current = true;
        setMenuFor(null);
      }}
      onDragCancel={() => (dragging.current = false)}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: boardAnnouncements(labels), screenReaderInstructions: screenReaderInstructions(labels) }}
    >
      <p id={keysId} hidden>
        {keys.movable}
      </p>
      <p id={readOnlyKeysId} hidden>
        {keys.readOnly}
      </p>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="board-notice" className="mb-3">
          {notice.text}
        </Alert>
      )}
      <div ref={boardRef}>
        {/* Phones: one stage at a time, the tabs with each stage's count to switch. */}
        <div className="no-print sticky top-0 z-10 -mx-3 mb-3 bg-slate-50/95 px-3 py-2 backdrop-blur md:hidden" data-testid="stage-tabs">
          <div className="grid grid-cols-4 gap-1 rounded-lg bg-slate-200/70 p-1" role="group" aria-label={t("stageTabs")}>
            {stageColumns.map((c) => (
              <button
                key={c.key}
                type="button"
                aria-pressed={c.key === phoneStage}
                aria-controls={`board-column-${c.key}`}
                onClick={() => setPhoneStage(c.key)}
                className={`flex flex-col items-center rounded-md px-1 py-1.5 text-sm leading-tight ${c.key === phoneStage ? "bg-white font-semibold text-slate-900 shadow-sm" : "text-slate-600"}`}
              >
                <span className="whitespace-nowrap">{labels.column(c.key)}</span>
                <span className="text-xs tabular-nums">{c.count}</span>
              </button>
            ))}
          </div>
        </div>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4" data-testid="board" data-roving-group={GRID}>
          {stageColumns.map((c) => (
            <BoardColumnView key={c.key} column={c} hiddenOnPhone={c.key !== phoneStage} keyboard={keyboardFor(GRID)} {...common} />
          ))}
        </div>
        <div className="mt-4 space-y-3">
          {lanes.map((c) => (
            <div key={c.key} data-roving-group={c.key}>
              <BoardColumnView column={c} lane keyboard={keyboardFor(c.key)} {...common} />
            </div>
          ))}
        </div>
      </div>
      {pending && (
        <TransitionDialog
          move={pending}
          onClose={() => {
            giveFocusBack(pending.card.id);
            setPending(null);
          }}
          onDone={(msg) => {
            // The refresh puts the card in its new column: keep giving it the focus for a while.
            giveFocusBack(pending.card.id, 5_000);
            setPending(null);
            setNotice({ kind: "success", text: msg });
          }}
        />
      )}
    </DndContext>
  );
}
