"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { type MovableProject, type PendingMove, menuMoves, useBoardLabels } from "@/components/board/board-types";
import { TransitionDialog } from "@/components/board/transition-dialog";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import type { FormNotice } from "@/components/ui/use-action-form";

/** The project page's buttons: edit, stage moves and status changes the actor may make, print. */
export function ProjectActions({ project, rights }: { project: MovableProject; rights: { write: boolean; correct: boolean } }) {
  const t = useTranslations("projects.actions");
  const labels = useBoardLabels();
  const [pending, setPending] = useState<PendingMove | null>(null);
  // The dialog runs the action and keeps its own refusals; a move it saved is the green notice here.
  const [notice, setNotice] = useState<FormNotice>(null);
  const moves = menuMoves(project, rights);
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      {rights.write && (
        <Link href={`/projects/${project.id}/edit`} className={buttonClass()}>
          {t("edit")}
        </Link>
      )}
      {moves.map((m) => (
        <Button
          key={`${m.kind}-${m.toStage}`}
          type="button"
          onClick={() => setPending(m)}
          variant="secondary"
          tone={m.kind === "ADVANCE" ? "success" : "neutral"}
        >
          {labels.move(m)}
        </Button>
      ))}
      <Button type="button" onClick={() => window.print()} variant="secondary">
        {t("print")}
      </Button>
      {notice && (
        <Alert as="p" tone={notice.kind}>
          {notice.text}
        </Alert>
      )}
      {pending && (
        <TransitionDialog
          move={pending}
          onClose={() => setPending(null)}
          onDone={(msg) => {
            setPending(null);
            setNotice({ kind: "success", text: msg });
          }}
        />
      )}
    </div>
  );
}
