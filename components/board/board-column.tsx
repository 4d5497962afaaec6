"use client";

import { useDroppable } from "@dnd-kit/core";
import { STAGE_LABELS, STATUS_LABELS, type Stage } from "@/lib/domain/stages";
import { formatMoney } from "@/lib/domain/money";
import type { BoardColumn, BoardColumnKey, PendingMove } from "./board-types";
import type { ParkRights } from "./pipeline-board";
import { ProjectCard } from "./project-card";
import { Button } from "@/components/ui/button";

const HEADER_COLORS: Record<BoardColumnKey, string> = {
  SIGNED: "border-t-slate-400",
  LANDED: "border-t-sky-500",
  STARTED: "border-t-amber-500",
  PRODUCING: "border-t-emerald-500",
  SUSPENDED: "border-t-orange-400",
  TERMINATED: "border-t-red-500",
};

export function columnLabel(key: BoardColumnKey): string {
  return key === "SUSPENDED" || key === "TERMINATED" ? `${STATUS_LABELS[key]}项目` : STAGE_LABELS[key as Stage];
}

interface Props {
  column: BoardColumn;
  lane?: boolean;
  rights: ParkRights;
  showPark: boolean;
  loading: boolean;
  onMove: (move: PendingMove) => void;
  onLoadMore: (key: BoardColumnKey, cursor: string) => void;
}

export function BoardColumnView({ column, lane, rights, showPark, loading, onMove, onLoadMore }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: column.key });
  const label = columnLabel(column.key);
  const header = (
    <span className="flex w-full items-baseline justify-between gap-2">
      <span className="font-semibold text-slate-800">
        {label}
        <span className="ml-2 rounded bg-slate-100 px-1.5 text-sm font-medium text-slate-600" data-testid="column-count">
          {column.count}
        </span>
      </span>
      <span className="text-xs text-slate-500" title="当前筛选下该列全部项目的总投资">
        总投资 {formatMoney(column.totalInvestment)}
      </span>
    </span>
  );
  const body = (
    <>
      <ul className={`space-y-2 ${lane ? "grid gap-2 sm:grid-cols-2 lg:grid-cols-4 space-y-0" : ""}`} aria-label={`${label}列项目`}>
        {column.cards.map((card) => (
          <li key={card.id}>
            <ProjectCard card={card} rights={rights[card.parkId] ?? { write: false, correct: false }} showPark={showPark} onMove={onMove} />
          </li>
        ))}
      </ul>
      {column.cards.length === 0 && <p className="py-6 text-center text-sm text-slate-400">暂无项目</p>}
      {column.nextCursor && (
        <Button
          type="button"
          disabled={loading}
          onClick={() => onLoadMore(column.key, column.nextCursor!)}
          variant="secondary"
          className="no-print mt-2 w-full border-dashed"
        >
          {loading ? "加载中…" : `加载更多（已显示 ${column.cards.length} / ${column.count}）`}
        </Button>
      )}
    </>
  );
  const frame = `rounded-lg border border-slate-200 border-t-4 ${HEADER_COLORS[column.key]} bg-white p-3 ${isOver ? "ring-2 ring-brand-600" : ""}`;
  if (lane) {
    return (
      <section ref={setNodeRef} className={frame} data-testid={`column-${column.key}`} aria-label={label}>
        <details>
          <summary className="cursor-pointer list-none">{header}</summary>
          <div className="mt-3">{body}</div>
        </details>
      </section>
    );
  }
  return (
    <section ref={setNodeRef} className={`${frame} min-h-48`} data-testid={`column-${column.key}`} aria-label={label}>
      <h2 className="mb-3">{header}</h2>
      {body}
    </section>
  );
}
