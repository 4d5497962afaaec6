"use client";

import Link from "next/link";
import { useRef } from "react";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { useDraggable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { useLocale } from "next-intl";
import { formatMoneyIn } from "@/lib/i18n/format";
import { type BoardCard, type PendingMove, menuMoves, useBoardLabels } from "./board-types";
import { WarningLight } from "@/components/warnings/warning-light";
import { buttonClass } from "@/components/ui/button";

export interface CardKeyboard {
  /** The card is the board's (or lane's) one Tab stop (roving tabindex). */
  tabbable: boolean;
  /** Id of the hidden text that tells the card's keys. */
  describedBy: string;
  menuOpen: boolean;
  onMenuOpenChange: (open: boolean) => void;
  onFocus: () => void;
}

/**
 * A project on the board: one Tab stop (the whole card; the board moves the focus between
 * cards with the arrow keys), its name a link to the project, the 移动 menu (an ARIA menu:
 * arrow keys, Enter, Escape back to the card), dragged with the mouse or, from the keyboard,
 * picked up with Space (dnd-kit).
 */
export function ProjectCard({
  card,
  rights,
  showPark,
  onMove,
  keyboard,
}: {
  card: BoardCard;
  rights: { write: boolean; correct: boolean };
  showPark: boolean;
  onMove: (m: PendingMove) => void;
  keyboard: CardKeyboard;
}) {
  const labels = useBoardLabels();
  const { t } = labels;
  const locale = useLocale();
  const moves = menuMoves(card, rights);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id, data: { card }, disabled: moves.length === 0 });
  const self = useRef<HTMLElement | null>(null);
  const style = transform ? { transform: CSS.Translate.toString(transform) } : undefined;
  // dnd-kit makes the handle a role="button" (with aria-pressed): but the card holds a link and
  // a menu button, which a button may not contain. It stays an <article> the board focuses.
  const { role: _role, tabIndex: _tabIndex, "aria-pressed": _pressed, "aria-disabled": _disabled, "aria-describedby": _described, "aria-roledescription": _rd, ...dragAttributes } = attributes;
  const noAdvance = !rights.write && rights.correct && card.status === "ACTIVE";
  return (
    <article
      ref={(node) => {
        setNodeRef(node);
        self.current = node;
      }}
      style={style}
      {...dragAttributes}
      {...listeners}
      // A focusable <article> as in ARIA's feed pattern: the card is the board's keyboard
      // stop (roving tabindex, keys in its description), while its link and menu button stay
      // reachable for screen readers' browse mode and for the mouse.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={keyboard.tabbable ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && keyboard.onFocus()}
      aria-roledescription={t("card.roleDescription")}
      aria-label={t("card.label", { name: card.name, enterprise: card.enterpriseName })}
      aria-describedby={keyboard.describedBy}
      data-testid="project-card"
      data-project-id={card.id}
      className={`board-card ${isDragging ? "z-10 opacity-80 shadow-lg" : ""} ${card.stale ? "border-red-300" : "border-slate-200"} ${moves.length ? "cursor-grab" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/projects/${card.id}`}
          tabIndex={-1}
          className="board-card-title"
          onPointerDown={(e) => e.stopPropagation()}
          data-card-link
        >
          {card.name}
        </Link>
        {moves.length > 0 && (
          // The menu's own pointer and key events (its items render elsewhere, but React
          // bubbles them through here) must not start a drag of the card.
          <div role="presentation" className="no-print shrink-0" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            <Menu.Root open={keyboard.menuOpen} onOpenChange={keyboard.onMenuOpenChange} modal={false}>
              <Menu.Trigger aria-label={t("card.moveMenuLabel", { name: card.name })} tabIndex={-1} className={buttonClass({ variant: "ghost", tone: "muted" })}>
                {t("card.moveMenu")}
              </Menu.Trigger>
              <Menu.Portal>
                <Menu.Content
                  align="end"
                  sideOffset={4}
                  loop
                  className="z-30 min-w-40 rounded border border-slate-200 bg-white py-1 text-sm shadow-lg"
                  onCloseAutoFocus={(e) => {
                    // Escape or a choice: back to the card, the board's focus.
                    e.preventDefault();
                    self.current?.focus();
                  }}
                >
                  {noAdvance && (
                    <Menu.Label className="px-3 py-1.5 text-xs text-slate-500" data-testid="no-advance-note">
                      {/* Why a park leader's menu has no 推进 entries (moving forward is the staff's work). */}
                      {t("noAdvance")}
                    </Menu.Label>
                  )}
                  {moves.map((m) => (
                    <Menu.Item
                      key={`${m.kind}-${m.toStage}`}
                      className="block w-full cursor-pointer px-3 py-1.5 text-left outline-none data-[highlighted]:bg-slate-100"
                      onSelect={() => onMove(m)}
                    >
                      {labels.move(m)}
                    </Menu.Item>
                  ))}
                </Menu.Content>
              </Menu.Portal>
            </Menu.Root>
          </div>
        )}
      </div>
      <div className="mt-0.5 text-xs text-slate-500">{card.enterpriseName}</div>
      {showPark && <div className="text-xs text-slate-400">{card.parkName}</div>}
      <div className="board-card-meta">
        <span className="tabular-nums whitespace-nowrap">{formatMoneyIn(locale, card.totalInvestment)}</span>
        <span className="whitespace-nowrap" title={t("card.stageSince", { date: card.stageDate })}>
          {t("card.daysInStage", { days: card.daysInStage })}
        </span>
        <span className="whitespace-nowrap">{t("card.liaison", { name: card.liaisonName ?? t("card.unassigned") })}</span>
        {card.stale && <span className="board-card-stale">{t("card.stale")}</span>}
        {card.light?.overall && <WarningLight light={card.light} />}
      </div>
    </article>
  );
}
