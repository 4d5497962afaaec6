import type { Announcements, KeyboardCoordinateGetter, ScreenReaderInstructions } from "@dnd-kit/core";
import { type BoardCard, type BoardColumnKey, columnLabel, columnOf } from "./board-types";

/** The hidden description every board card points at (aria-describedby): its keys. */
export const CARD_KEYS_MOVABLE =
  "上下方向键在本阶段的卡片间移动，左右方向键切换阶段列；回车打开项目；M 键打开“移动”菜单；空格键拿起卡片，再用左右方向键选择阶段列、空格键放下，Esc 取消。";
export const CARD_KEYS_READ_ONLY = "上下方向键在本阶段的卡片间移动，左右方向键切换阶段列；回车打开项目。";

/** dnd-kit's hidden instructions (in English by default). */
export const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = { draggable: CARD_KEYS_MOVABLE };

const cardOf = (data: { current?: Record<string, unknown> } | undefined) => data?.current?.card as BoardCard | undefined;
const columnName = (id: unknown) => `“${columnLabel(id as BoardColumnKey)}”列`;

/**
 * What a screen reader hears while a card is dragged (dnd-kit speaks English by default:
 * "Draggable item 5 was moved over droppable area SIGNED"): the project's and stages' names.
 */
export const ANNOUNCEMENTS: Announcements = {
  onDragStart({ active }) {
    const card = cardOf(active.data);
    if (!card) return undefined;
    return `已拿起项目“${card.name}”，当前在${columnName(columnOf(card))}。用左右方向键选择阶段列，空格键放下，Esc 取消。`;
  },
  onDragOver({ active, over }) {
    const card = cardOf(active.data);
    if (!card) return undefined;
    return over ? `项目“${card.name}”位于${columnName(over.id)}上方。` : `项目“${card.name}”不在任何阶段列上方。`;
  },
  onDragEnd({ active, over }) {
    const card = cardOf(active.data);
    if (!card) return undefined;
    if (!over || over.id === columnOf(card)) return `项目“${card.name}”已放下，仍在${columnName(columnOf(card))}。`;
    return `项目“${card.name}”放到${columnName(over.id)}，请在对话框中填写日期和材料。`;
  },
  onDragCancel({ active }) {
    const card = cardOf(active.data);
    if (!card) return undefined;
    return `已取消拖动，项目“${card.name}”留在${columnName(columnOf(card))}。`;
  },
};

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
