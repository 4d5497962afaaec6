import type { Announcements, KeyboardCoordinateGetter, ScreenReaderInstructions } from "@dnd-kit/core";
import { type BoardCard, type BoardColumnKey, type BoardLabels, columnOf } from "./board-types";

/** The hidden descriptions every board card points at (aria-describedby): its keys. */
export function cardKeys({ t }: BoardLabels) {
  return { movable: t("keys.movable"), readOnly: t("keys.readOnly") };
}

/** dnd-kit's hidden instructions (in English by default). */
export function screenReaderInstructions(labels: BoardLabels): ScreenReaderInstructions {
  return { draggable: cardKeys(labels).movable };
}

const cardOf = (data: { current?: Record<string, unknown> } | undefined) => data?.current?.card as BoardCard | undefined;

/**
 * What a screen reader hears while a card is dragged (dnd-kit speaks English by default:
 * "Draggable item 5 was moved over droppable area SIGNED"): the project's and stages' names.
 */
export function boardAnnouncements(labels: BoardLabels): Announcements {
  const { t } = labels;
  const columnName = (id: unknown) => t("announce.column", { column: labels.column(id as BoardColumnKey) });
  return {
    onDragStart({ active }) {
      const card = cardOf(active.data);
      if (!card) return undefined;
      return t("announce.dragStart", { name: card.name, column: columnName(columnOf(card)) });
    },
    onDragOver({ active, over }) {
      const card = cardOf(active.data);
      if (!card) return undefined;
      return over ? t("announce.over", { name: card.name, column: columnName(over.id) }) : t("announce.overNothing", { name: card.name });
    },
    onDragEnd({ active, over }) {
      const card = cardOf(active.data);
      if (!card) return undefined;
      if (!over || over.id === columnOf(card)) return t("announce.droppedBack", { name: card.name, column: columnName(columnOf(card)) });
      return t("announce.dropped", { name: card.name, column: columnName(over.id) });
    },
    onDragCancel({ active }) {
      const card = cardOf(active.data);
      if (!card) return undefined;
      return t("announce.cancelled", { name: card.name, column: columnName(columnOf(card)) });
    },
  };
}

const ARROWS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

/**
 * Keyboard dragging jumps from column to column (dnd-kit's default moves 25 px per key):
 * the arrow's direction picks the nearest droppable whose centre lies that way, and the card
 * is placed just inside its top-left corner.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (!ARROWS.includes(event.code)) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!collisionRect) return currentCoordinates;
  const from = over ? droppableRects.get(over.id) : null;
  const cx = from ? from.left + from.width / 2 : collisionRect.left + collisionRect.width / 2;
  const cy = from ? from.top + Math.min(from.height / 2, 120) : collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number; distance: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    if (over && container.id === over.id) continue;
    const rect = droppableRects.get(container.id);
    if (!rect || rect.width === 0 || rect.height === 0) continue; // a column hidden on a phone
    const tx = rect.left + rect.width / 2;
    const ty = rect.top + Math.min(rect.height / 2, 120);
    const dx = tx - cx;
    const dy = ty - cy;
    const ahead =
      event.code === "ArrowRight" ? dx > 1 : event.code === "ArrowLeft" ? dx < -1 : event.code === "ArrowDown" ? dy > 1 : dy < -1;
    if (!ahead) continue;
    // Along the arrow counts once, across it three times: the neighbour in that direction wins.
    const horizontal = event.code === "ArrowLeft" || event.code === "ArrowRight";
    const distance = horizontal ? Math.abs(dx) + 3 * Math.abs(dy) : Math.abs(dy) + 3 * Math.abs(dx);
    if (!best || distance < best.distance) best = { x: rect.left + 8, y: rect.top + 48, distance };
  }
  return best ? { x: best.x, y: best.y } : currentCoordinates;
};
