"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SATISFACTIONS, type IssueActionName } from "@/lib/domain/issues";
import type { Messages } from "@/lib/i18n/messages";
import { todayInShanghai } from "@/lib/domain/dates";
import { actOnIssueAction } from "@/lib/actions/issues/act-on-issue";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

type FieldSpec = { name: string; label: keyof Messages["issues"]["panel"]["field"]; kind: "text" | "textarea" | "date" | "satisfaction" | "decision"; required?: boolean; defaultValue?: string };

// The fields each step asks for; the server (lib/domain/issues.ts) decides what is required.
function fieldsFor(action: IssueActionName, ctx: { responsibleUnit: string | null; today: string }): FieldSpec[] {
  switch (action) {
    case "assign":
      return [
        { name: "responsibleUnit", label: "responsibleUnit", kind: "text", required: true, defaultValue: ctx.responsibleUnit ?? "" },
        { name: "note", label: "assignNote", kind: "textarea" },
      ];
    case "reassign":
      return [
        { name: "responsibleUnit", label: "responsibleUnit", kind: "text", defaultValue: ctx.responsibleUnit ?? "" },
        { name: "note", label: "adjustNote", kind: "textarea" },
      ];
    case "start":
      return [{ name: "note", label: "startNote", kind: "textarea" }];
    case "answer":
      return [
        { name: "answer", label: "answer", kind: "textarea", required: true },
        { name: "date", label: "answerDate", kind: "date", defaultValue: ctx.today },
      ];
    case "close":
      return [
        { name: "satisfaction", label: "satisfaction", kind: "satisfaction", required: true },
        { name: "date", label: "closedDate", kind: "date", defaultValue: ctx.today },
        { name: "note", label: "closeNote", kind: "textarea" },
      ];
    case "reopen":
      return [{ name: "note", label: "reopenReason", kind: "textarea", required: true }];
    case "escalate":
      return [{ name: "note", label: "escalateReason", kind: "textarea", required: true }];
    case "comment":
      return [{ name: "note", label: "comment", kind: "textarea", required: true }];
    case "setDeadline":
      return [
        { name: "resolveDeadline", label: "resolveDeadline", kind: "date", required: true },
        { name: "answerDeadline", label: "answerDeadline", kind: "date" },
        { name: "note", label: "adjustNote", kind: "textarea" },
      ];
    case "requestExtension":
      return [
        { name: "requestedDeadline", label: "requestedDeadline", kind: "date", required: true },
        { name: "reason", label: "extensionReason", kind: "textarea", required: true },
      ];
    case "decideExtension":
      return [
        { name: "decision", label: "decision", kind: "decision", required: true },
        { name: "note", label: "decisionNote", kind: "textarea" },
      ];
  }
}

export function IssueActionPanel({
  issueId,
  version,
  actions,
  responsibleUnit,
  pendingExtensionId,
  notes = [],
}: {
  issueId: number;
  version: number;
  actions: IssueActionName[];
  responsibleUnit: string | null;
  pendingExtensionId: number | null;
  /** Why a step the reader might look for is not offered (an overdue problem cannot be extended). */
  notes?: string[];
}) {
  const t = useTranslations("issues");
  const tc = useTranslations("common.enum");
  const router = useRouter();
  const [open, setOpen] = useState<IssueActionName | null>(null);
  const { errors, notice, pending, submit, clear } = useActionForm();
  const today = todayInShanghai();
  const noteList =
    notes.length > 0 ? (
      <ul className="space-y-1 text-sm text-amber-800" data-testid="issue-action-notes">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    ) : null;
  if (actions.length === 0)
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-500">{t("panel.none")}</p>
        {noteList}
      </div>
    );

  function onSubmit(e: React.FormEvent<HTMLFormElement>, action: IssueActionName) {
    e.preventDefault();
    const values: Record<string, unknown> = { issueId, version, action };
    for (const [k, v] of new FormData(e.currentTarget).entries()) if (typeof v === "string" && v.trim() !== "") values[k] = v.trim();
    if (action === "decideExtension") values.extensionId = pendingExtensionId;
    submit(
      () => actOnIssueAction(values),
      (result) => {
        setOpen(null);
        router.refresh();
        // Closing below 满意 reopens the problem for one review round (lib/domain/issues.ts).
        if (action === "close" && result.status !== "CLOSED") {
          const s = values.satisfaction as (typeof SATISFACTIONS)[number];
          const rating = SATISFACTIONS.includes(s) ? tc(`satisfaction.${s}`) : "";
          return t("panel.reopened", { rating });
        }
        return t("panel.done", { action: t(`action.${action}`) });
      },
    );
  }

  return (
    <div className="no-print space-y-3" data-testid="issue-actions">
      {noteList}
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a}
            type="button"
            onClick={() => {
              setOpen(a);
              clear();
            }}
            variant={open === a ? "primary" : "secondary"}
          >
            {t(`action.${a}`)}
          </Button>
        ))}
      </div>
      {open && (
        <form onSubmit={(e) => onSubmit(e, open)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t(`action.${open}`)}>
          {fieldsFor(open, { responsibleUnit, today }).map((f) => (
            <Field key={f.name} label={t(`panel.field.${f.label}`)} name={f.name} errors={errors} required={f.required}>
              {(control) => (
                <>
                  {f.kind === "textarea" && <textarea {...control} rows={3} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "text" && <input {...control} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "date" && <input type="date" {...control} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "satisfaction" && (
                    <select {...control} defaultValue="" className={input}>
                      <option value="">{t("panel.choose")}</option>
                      {SATISFACTIONS.map((s) => (
                        <option key={s} value={s}>
                          {tc(`satisfaction.${s}`)}
                        </option>
                      ))}
                    </select>
                  )}
                  {f.kind === "decision" && (
                    <select {...control} defaultValue="" className={input}>
                      <option value="">{t("panel.choose")}</option>
                      <option value="APPROVED">{t("panel.approve")}</option>
                      <option value="REJECTED">{t("panel.reject")}</option>
                    </select>
                  )}
                </>
              )}
            </Field>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={pending}>
              {pending ? t("panel.submitting") : t("panel.confirm", { action: t(`action.${open}`) })}
            </Button>
            <Button type="button" onClick={() => setOpen(null)} variant="secondary">
              {t("panel.cancel")}
            </Button>
          </div>
        </form>
      )}
      {notice && (
        <Alert as="p" tone={notice.kind} testId="issue-action-message">
          {notice.text}
        </Alert>
      )}
    </div>
  );
}
