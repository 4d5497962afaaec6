"use client";

import { useDroppable } from "@dnd-kit/core";
import { useLocale } from "next-intl";
import { formatMoneyIn } from "@/lib/i18n/format";
import { type BoardColumn, type BoardColumnKey, type PendingMove, useBoardLabels } from "./board-types";
import type { ParkRights } from "./pipeline-board";
import { type CardKeyboard, ProjectCard } from "./project-card";
import { Button } from "@/components/ui/button";

const HEADER_COLORS: Record<BoardColumnKey, string> = {
  SIGNED: "border-t-slate-400",
  LANDED: "border-t-sky-500",
  STARTED: "border-t-amber-500",
  PRODUCING: "border-t-emerald-500",
  SUSPENDED: "border-t-orange-400",
  TERMINATED: "border-t-red-500",
};

interface Props {
  column: BoardColumn;
  lane?: boolean;
  rights: ParkRights;
  showPark: boolean;
  loading: boolean;
  onMove: (move: PendingMove) => void;
  onLoadMore: (key: BoardColumnKey, cursor: string) => void;
  /** Not the stage picked on a phone: hidden below md (all four columns show from md up). */
  hiddenOnPhone?: boolean;
  /** The keyboard props of each card (roving tabindex, menu state). */
  keyboard: (card: BoardColumn["cards"][number]) => CardKeyboard;
}

export function BoardColumnView({ column, lane, rights, showPark, loading, onMove, onLoadMore, hiddenOnPhone = false, keyboard }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.key });
  const labels = useBoardLabels();
  const { t } = labels;
  const locale = useLocale();
  const label = labels.column(column.key);
  const header = (
    <span className="flex w-full flex-wrap items-baseline justify-between gap-x-2">
      <span className="whitespace-nowrap font-semibold text-slate-800">
        {label}
        <span className="ml-2 rounded bg-slate-100 px-1.5 text-sm font-medium text-slate-600 tabular-nums" data-testid="column-count">
          {column.count}
        </span>
      </span>
      <span className="whitespace-nowrap text-xs text-slate-500" title={t("column.totalTitle")}>
        {t("column.total", { amount: formatMoneyIn(locale, column.totalInvestment) })}
      </span>
    </span>
  );
  const body = (
    <>
      <ul className={`space-y-2 ${lane ? "grid gap-2 space-y-0 sm:grid-cols-2 lg:grid-cols-4" : ""}`} aria-label={t("column.cards", { column: label })} data-column-cards={column.key}>
        {column.cards.map((card) => (
          <li key={card.id}>
            <ProjectCard card={card} rights={rights[card.parkId] ?? { write: false, correct: false }} showPark={showPark} onMove={onMove} keyboard={keyboard(card)} />
          </li>
        ))}
      </ul>
      {column.count === 0 && <p className="py-6 text-center text-sm text-slate-500">{t("column.empty")}</p>}
      {column.nextCursor && (
        <Button
          type="button"
          disabled={loading}
          onClick={() => onLoadMore(column.key, column.nextCursor!)}
          variant="secondary"
          className="no-print mt-2 w-full border-dashed"
        >
          {loading ? t("column.loading") : t("column.loadMore", { shown: column.cards.length, count: column.count })}
        </Button>
      )}
    </>
  );
  const frame = `rounded-lg border border-slate-200 border-t-4 ${HEADER_COLORS[column.key]} bg-white p-3 ${isOver ? "ring-2 ring-brand-600" : ""}`;
  if (lane) {
    return (
      <section ref={setNodeRef} className={frame} data-testid={`column-${column.key}`} data-column={column.key} aria-label={label}>
        <details>
          <summary className="cursor-pointer list-none">{header}</summary>
          <div className="mt-3">{body}</div>
        </details>
      </section>
    );
  }
  return (
    <section
      ref={setNodeRef}
      id={`board-column-${column.key}`}
      className={`${frame} min-h-48 ${hiddenOnPhone ? "hidden md:block" : ""}`}
      data-testid={`column-${column.key}`}
      data-column={column.key}
      aria-label={label}
    >
      <h2 className="mb-3">{header}</h2>
      {body}
    </section>
  );
}
