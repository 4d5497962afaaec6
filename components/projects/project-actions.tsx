"use client";

import Link from "next/link";
import { useState } from "react";
import { type MovableProject, type PendingMove, menuMoves, moveLabel } from "@/components/board/board-types";
import { TransitionDialog } from "@/components/board/transition-dialog";

/** The project page's buttons: edit, stage moves and status changes the actor may make, print. */
export function ProjectActions({ project, rights }: { project: MovableProject; rights: { write: boolean; correct: boolean } }) {
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const moves = menuMoves(project, rights);
  const button = "rounded border px-3 py-1.5 text-sm";
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      {rights.write && (
        <Link href={`/projects/${project.id}/edit`} className={`${button} border-brand-600 bg-brand-600 text-white hover:bg-brand-700`}>
          编辑台账
        </Link>
      )}
      {moves.map((m) => (
        <button
          key={`${m.kind}-${m.toStage}`}
          type="button"
          onClick={() => setPending(m)}
          className={`${button} ${m.kind === "ADVANCE" ? "border-emerald-600 text-emerald-700 hover:bg-emerald-50" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
        >
          {moveLabel(m)}
        </button>
      ))}
      <button type="button" onClick={() => window.print()} className={`${button} border-slate-300 text-slate-700 hover:bg-slate-50`}>
        打印
      </button>
      {notice && (
        <span role="status" className="text-sm text-emerald-700">
          {notice}
        </span>
      )}
      {pending && (
        <TransitionDialog
          move={pending}
          onClose={() => setPending(null)}
          onDone={(msg) => {
            setPending(null);
            setNotice(msg);
          }}
        />
      )}
    </div>
  );
}
