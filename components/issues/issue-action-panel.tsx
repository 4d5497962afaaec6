"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ISSUE_ACTION_LABELS, SATISFACTIONS, SATISFACTION_LABELS, type IssueActionName } from "@/lib/domain/issues";
import { todayInShanghai } from "@/lib/domain/dates";
import { actOnIssueAction } from "@/lib/actions/issues/act-on-issue";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

type FieldSpec = { name: string; label: string; kind: "text" | "textarea" | "date" | "satisfaction" | "decision"; required?: boolean; defaultValue?: string };

// The fields each step asks for; the server (lib/domain/issues.ts) decides what is required.
function fieldsFor(action: IssueActionName, ctx: { responsibleUnit: string | null; today: string }): FieldSpec[] {
  switch (action) {
    case "assign":
      return [
        { name: "responsibleUnit", label: "责任单位", kind: "text", required: true, defaultValue: ctx.responsibleUnit ?? "" },
        { name: "note", label: "交办说明", kind: "textarea" },
      ];
    case "reassign":
      return [
        { name: "responsibleUnit", label: "责任单位", kind: "text", defaultValue: ctx.responsibleUnit ?? "" },
        { name: "note", label: "调整说明", kind: "textarea" },
      ];
    case "start":
      return [{ name: "note", label: "受理说明", kind: "textarea" }];
    case "answer":
      return [
        { name: "answer", label: "办理结果", kind: "textarea", required: true },
        { name: "date", label: "反馈日期", kind: "date", defaultValue: ctx.today },
      ];
    case "close":
      return [
        { name: "satisfaction", label: "企业满意度", kind: "satisfaction", required: true },
        { name: "date", label: "销号日期", kind: "date", defaultValue: ctx.today },
        { name: "note", label: "销号说明", kind: "textarea" },
      ];
    case "reopen":
      return [{ name: "note", label: "重新办理的原因", kind: "textarea", required: true }];
    case "escalate":
      return [{ name: "note", label: "提级协调的理由", kind: "textarea", required: true }];
    case "comment":
      return [{ name: "note", label: "备注内容", kind: "textarea", required: true }];
    case "setDeadline":
      return [
        { name: "resolveDeadline", label: "办结时限", kind: "date", required: true },
        { name: "answerDeadline", label: "答复时限", kind: "date" },
        { name: "note", label: "调整说明", kind: "textarea" },
      ];
    case "requestExtension":
      return [
        { name: "requestedDeadline", label: "申请延至", kind: "date", required: true },
        { name: "reason", label: "延期理由", kind: "textarea", required: true },
      ];
    case "decideExtension":
      return [
        { name: "decision", label: "审批结果", kind: "decision", required: true },
        { name: "note", label: "审批意见", kind: "textarea" },
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
        <p className="text-sm text-slate-500">您对该问题没有可执行的操作</p>
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
          const rating = SATISFACTION_LABELS[values.satisfaction as (typeof SATISFACTIONS)[number]] ?? "";
          return `企业评价“${rating}”，已重新打开，待复核`;
        }
        return `已${ISSUE_ACTION_LABELS[action]}`;
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
            {ISSUE_ACTION_LABELS[a]}
          </Button>
        ))}
      </div>
      {open && (
        <form onSubmit={(e) => onSubmit(e, open)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={ISSUE_ACTION_LABELS[open]}>
          {fieldsFor(open, { responsibleUnit, today }).map((f) => (
            <Field key={f.name} label={f.label} name={f.name} errors={errors} required={f.required}>
              {(control) => (
                <>
                  {f.kind === "textarea" && <textarea {...control} rows={3} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "text" && <input {...control} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "date" && <input type="date" {...control} defaultValue={f.defaultValue} className={input} />}
                  {f.kind === "satisfaction" && (
                    <select {...control} defaultValue="" className={input}>
                      <option value="">请选择</option>
                      {SATISFACTIONS.map((s) => (
                        <option key={s} value={s}>
                          {SATISFACTION_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  )}
                  {f.kind === "decision" && (
                    <select {...control} defaultValue="" className={input}>
                      <option value="">请选择</option>
                      <option value="APPROVED">同意延期</option>
                      <option value="REJECTED">不同意</option>
                    </select>
                  )}
                </>
              )}
            </Field>
          ))}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={pending}>
              {pending ? "提交中…" : `确认${ISSUE_ACTION_LABELS[open]}`}
            </Button>
            <Button type="button" onClick={() => setOpen(null)} variant="secondary">
              取消
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
