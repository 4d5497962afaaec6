"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { STAGE_LABELS, stagesBetween, type Stage } from "@/lib/domain/stages";
import { todayInShanghai } from "@/lib/domain/dates";
import { changeStatusAction } from "@/lib/actions/projects/change-project-status";
import { moveStageAction } from "@/lib/actions/projects/move-project-stage";
import type { PendingMove } from "./board-types";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, attachmentProblems } from "@/lib/domain/attachments";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const TITLES: Record<PendingMove["kind"], string> = {
  ADVANCE: "推进项目阶段",
  ROLLBACK: "更正回退阶段",
  SUSPEND: "暂缓项目",
  TERMINATE: "终止项目",
  RESUME: "恢复推进",
};

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none";

/** The dates and evidence of a move; cancelling leaves the card where it was. */
export function TransitionDialog({ move, onClose, onDone }: { move: PendingMove; onClose: () => void; onDone: (message: string) => void }) {
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
        onDone(`已保存：${card.name} ${kind === "ADVANCE" || kind === "ROLLBACK" ? `→ ${STAGE_LABELS[toStage]}` : TITLES[kind]}`);
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
            {TITLES[kind]}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {card.name}：{STAGE_LABELS[card.stage]}
            {kind === "ADVANCE" || kind === "ROLLBACK" ? ` → ${STAGE_LABELS[toStage]}` : ""}
          </p>
        </div>

        {reached.includes("LANDED") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">落地</legend>
            <Field label="落地日期" name="landed.date" errors={errors} required>
              <input type="date" name="landed.date" max={today} className={input} />
            </Field>
            <Field label="注册日期（工商注册）" name="landed.registrationDate" errors={errors} required>
              <input type="date" name="landed.registrationDate" max={today} className={input} />
            </Field>
            <Field label="用地面积（亩）" name="landed.landArea" errors={errors}>
              <input type="text" inputMode="decimal" name="landed.landArea" className={input} placeholder="可选，租赁厂房可不填" />
            </Field>
          </fieldset>
        )}
        {reached.includes("STARTED") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">开工</legend>
            <Field label="实际开工日期" name="started.date" errors={errors} required>
              <input type="date" name="started.date" max={today} className={input} />
            </Field>
          </fieldset>
        )}
        {reached.includes("PRODUCING") && (
          <fieldset className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">投产</legend>
            <Field label="投产日期" name="producing.date" errors={errors} required>
              <input type="date" name="producing.date" max={today} className={input} />
            </Field>
            <Field label="产能" name="producing.capacity" errors={errors}>
              <input type="text" name="producing.capacity" className={input} placeholder="可选，如 年产5万吨" />
            </Field>
          </fieldset>
        )}
        {kind === "ADVANCE" && (
          <>
            <Field label={`佐证材料（扫描件、照片，最多 ${MAX_ATTACHMENTS} 个，每个不超过 10 MB）`} name="attachments" errors={errors}>
              <input type="file" name="attachments" multiple accept={Object.keys(ATTACHMENT_TYPES).join(",")} className="mt-1 block w-full text-sm" />
            </Field>
            <Field label="备注" name="note" errors={errors}>
              <textarea name="note" rows={2} className={input} />
            </Field>
          </>
        )}
        {kind === "ROLLBACK" && (
          <Alert as="p" tone="warning" silent>
            回退用于更正录入错误：{STAGE_LABELS[toStage]}之后各阶段的日期将被清空，操作记入推进记录和操作日志。
          </Alert>
        )}
        {(kind === "SUSPEND" || kind === "TERMINATE" || kind === "RESUME") && (
          <Field label={kind === "RESUME" ? "恢复日期" : kind === "SUSPEND" ? "暂缓日期" : "终止日期"} name="date" errors={errors} required>
            <input type="date" name="date" max={today} defaultValue={today} className={input} />
          </Field>
        )}
        {kind !== "ADVANCE" && (
          <Field label="原因" name="reason" errors={errors} required>
            <textarea name="reason" rows={3} className={input} placeholder="必填，将记入项目推进记录" />
          </Field>
        )}

        {notice && (
          <Alert as="p" tone={notice.kind} testId="dialog-error">
            {notice.text}
          </Alert>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => dialog.current?.close()} variant="secondary">
            取消
          </Button>
          <Button type="submit" pending={pending}>
            {pending ? "保存中…" : "确认"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
