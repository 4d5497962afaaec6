"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { stagesBetween, type Stage } from "@/lib/domain/stages";
import { todayInShanghai } from "@/lib/domain/dates";
import { changeStatusAction } from "@/lib/actions/projects/change-project-status";
import { moveStageAction } from "@/lib/actions/projects/move-project-stage";
import type { PendingMove } from "./board-types";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, attachmentProblems } from "@/lib/domain/attachments";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none";

/** The dates and evidence of a move; cancelling leaves the card where it was. */
export function TransitionDialog({ move, onClose, onDone }: { move: PendingMove; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("board.dialog");
  const tc = useTranslations("common");
  const stage = (s: Stage) => tc(`enum.stage.${s}`);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const { errors, notice, pending, submit, fail } = useActionForm();
  const today = todayInShanghai();
  const { card, kind, toStage } = move;
  const reached: Stage[] = kind === "ADVANCE" ? stagesBetween(card.stage, toStage) : [];

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
    };
    let upload: FormData | undefined;
    if (kind === "ADVANCE") {
      const files = f.getAll("attachments").filter((x): x is File => typeof x !== "string" && x.size > 0);
      const problems = attachmentProblems(files.map((x) => ({ name: x.name, type: x.type, size: x.size })));
      if (problems.length) return fail(problems[0], { attachments: problems });
      if (files.length) {
        upload = new FormData();
        for (const file of files) upload.append("attachments", file);
      }
    }
    const base = { projectId: card.id, version: card.version };
    submit(
      () =>
        kind === "ADVANCE"
          ? moveStageAction({
              ...base,
              toStage,
              landed: reached.includes("LANDED") ? { date: s("landed.date"), registrationDate: s("landed.registrationDate"), landArea: s("landed.landArea") } : undefined,
              started: reached.includes("STARTED") ? { date: s("started.date") } : undefined,
              producing: reached.includes("PRODUCING") ? { date: s("producing.date"), capacity: s("producing.capacity") } : undefined,
              note: s("note"),
            }, upload)
          : kind === "ROLLBACK"
            ? moveStageAction({ ...base, toStage, reason: s("reason") }, undefined)
            : changeStatusAction({ ...base, action: kind, date: s("date"), reason: s("reason") }),
      () => {
        dialog.current?.close();
        router.refresh();
        onDone(
          kind === "ADVANCE" || kind === "ROLLBACK"
            ? t("savedMove", { name: card.name, stage: stage(toStage) })
            : t("savedStatus", { name: card.name, action: t(`title.${kind}`) }),
        );
      },
    );
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="transition-title"
      className="m-auto w-full max-w-lg rounded-lg p-0 shadow-2xl backdrop:bg-slate-900/40"
      data-testid="transition-dialog"
    >
      <form onSubmit={onSubmit} className="space-y-4 p-5" noValidate>
        <div>
          <h2 id="transition-title" className="text-lg font-semibold">
            {t(`title.${kind}`)}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {kind === "ADVANCE" || kind === "ROLLBACK"
              ? t("fromTo", { name: card.name, from: stage(card.stage), to: stage(toStage) })
              : t("at", { name: card.name, stage: stage(card.stage) })}
          </p>
        </div>

        {reached.includes("LANDED") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{stage("LANDED")}</legend>
            <Field label={tc("enum.stageDate.LANDED")} name="landed.date" errors={errors} required>
              <input type="date" name="landed.date" max={today} className={input} />
            </Field>
            <Field label={t("registrationDate")} name="landed.registrationDate" errors={errors} required>
              <input type="date" name="landed.registrationDate" max={today} className={input} />
            </Field>
            <Field label={t("landArea")} name="landed.landArea" errors={errors}>
              <input type="text" inputMode="decimal" name="landed.landArea" className={input} placeholder={t("landAreaHint")} />
            </Field>
          </fieldset>
        )}
        {reached.includes("STARTED") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{stage("STARTED")}</legend>
            <Field label={t("startedDate")} name="started.date" errors={errors} required>
              <input type="date" name="started.date" max={today} className={input} />
            </Field>
          </fieldset>
        )}
        {reached.includes("PRODUCING") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{stage("PRODUCING")}</legend>
            <Field label={tc("enum.stageDate.PRODUCING")} name="producing.date" errors={errors} required>
              <input type="date" name="producing.date" max={today} className={input} />
            </Field>
            <Field label={t("capacity")} name="producing.capacity" errors={errors}>
              <input type="text" name="producing.capacity" className={input} placeholder={t("capacityHint")} />
            </Field>
          </fieldset>
        )}
        {kind === "ADVANCE" && (
          <>
            <Field label={t("attachments", { max: MAX_ATTACHMENTS })} name="attachments" errors={errors}>
              <input type="file" name="attachments" multiple accept={Object.keys(ATTACHMENT_TYPES).join(",")} className="mt-1 block w-full text-sm" />
            </Field>
            <Field label={t("note")} name="note" errors={errors}>
              <textarea name="note" rows={2} className={input} />
            </Field>
          </>
        )}
        {kind === "ROLLBACK" && (
          <Alert as="p" tone="warning" silent>
            {t("rollbackWarning", { stage: stage(toStage) })}
          </Alert>
        )}
        {(kind === "SUSPEND" || kind === "TERMINATE" || kind === "RESUME") && (
          <Field label={t(`date.${kind}`)} name="date" errors={errors} required>
            <input type="date" name="date" max={today} defaultValue={today} className={input} />
          </Field>
        )}
        {kind !== "ADVANCE" && (
          <Field label={t("reason")} name="reason" errors={errors} required>
            <textarea name="reason" rows={3} className={input} placeholder={t("reasonHint")} />
          </Field>
        )}

        {notice && (
          <Alert as="p" tone={notice.kind} testId="dialog-error">
            {notice.text}
          </Alert>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => dialog.current?.close()} variant="secondary">
            {t("cancel")}
          </Button>
          <Button type="submit" pending={pending}>
            {pending ? t("saving") : t("confirm")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
