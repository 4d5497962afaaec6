"use client";

import Link from "next/link";
import { useState } from "react";
import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { formatMoney } from "@/lib/domain/money";
import { type BoardCard, type PendingMove, menuMoves, moveLabel } from "./board-types";
import { WarningLight } from "@/components/warnings/warning-light";
import { Button } from "@/components/ui/button";

export function ProjectCard({ card, rights, showPark, onMove }: { card: BoardCard; rights: { write: boolean; correct: boolean }; showPark: boolean; onMove: (m: PendingMove) => void }) {
  const moves = menuMoves(card, rights);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id, data: { card }, disabled: moves.length === 0 });
  const [menuOpen, setMenuOpen] = useState(false);
  const style = transform ? { transform: CSS.Translate.toString(transform) } : undefined;
  return (
    <article
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      aria-roledescription="可拖动的项目卡片"
      aria-label={`${card.name}，${card.enterpriseName}`}
      data-testid="project-card"
      data-project-id={card.id}
      className={`relative rounded-md border bg-white p-2.5 text-sm shadow-sm ${isDragging ? "z-10 opacity-80 shadow-lg" : ""} ${card.stale ? "border-red-300" : "border-slate-200"} ${moves.length ? "cursor-grab" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <Link href={`/projects/${card.id}`} className="font-medium leading-snug text-slate-900 hover:text-brand-600" onPointerDown={(e) => e.stopPropagation()}>
          {card.name}
        </Link>
        {moves.length > 0 && (
          // The menu's own pointer and key events must not start a drag of the card.
          <div role="presentation" className="no-print relative shrink-0" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            <Button
              type="button"
              aria-haspopup="menu"
              aria-expanded={menuOpen}
              aria-label={`移动 ${card.name}`}
              onClick={() => setMenuOpen((o) => !o)}
              variant="ghost"
              tone="muted"
            >
              移动 ▾
            </Button>
            {menuOpen && (
              <ul role="menu" className="absolute right-0 z-20 mt-1 w-40 rounded border border-slate-200 bg-white py-1 shadow-lg" onKeyDown={(e) => e.key === "Escape" && setMenuOpen(false)}>
                {moves.map((m) => (
                  <li key={`${m.kind}-${m.toStage}`} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      className="block w-full px-3 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100"
                      onClick={() => {
                        setMenuOpen(false);
                        onMove(m);
                      }}
                    >
                      {moveLabel(m)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="mt-0.5 text-xs text-slate-500">{card.enterpriseName}</div>
      {showPark && <div className="text-xs text-slate-400">{card.parkName}</div>}
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        <span className="tabular-nums">{formatMoney(card.totalInvestment)}</span>
        <span title={`${card.stageDate} 进入当前阶段`}>在本阶段 {card.daysInStage} 天</span>
        <span>包保：{card.liaisonName ?? "未分配"}</span>
        {card.stale && <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-700">滞留</span>}
        {card.light?.overall && <WarningLight light={card.light} />}
      </div>
    </article>
  );
}
