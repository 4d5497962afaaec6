"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { AssignmentHistoryRow } from "@/lib/server/assignments/list-assignment-history";
import { todayInShanghai } from "@/lib/domain/dates";
import { assignAction } from "@/lib/actions/assignments/assign";
import { EndAssignmentForm } from "@/components/enterprises/end-assignment-form";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { inSentence, parenIn } from "@/lib/i18n/format";

type Role = "LIAISON" | "LEADER";
export interface Candidate {
  id: number;
  name: string;
  unit: string | null;
  activeCount: number;
}

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

/**
 * Who covers the project or enterprise now and before (包保责任人, 包保领导), with a form to
 * (re)assign and, for an enterprise, to end a role without a successor.
 */
export function AssignmentPanel({
  targetType,
  targetId,
  rows,
  candidates,
  endable = false,
}: {
  targetType: "PROJECT" | "ENTERPRISE";
  targetId: number;
  rows: AssignmentHistoryRow[];
  /** Null when the actor may not assign. */
  candidates: Record<Role, Candidate[]> | null;
  /** The current holders may be ended without a successor (enterprise-level 包保). */
  endable?: boolean;
}) {
  const t = useTranslations("enterprises.assignment");
  const locale = useLocale();
  const tu = useTranslations("ui");
  const roleLabel = (role: Role) => t(`role.${role}`);
  const router = useRouter();
  const [editing, setEditing] = useState<Role | null>(null);
  const [ending, setEnding] = useState<Role | null>(null);
  const { errors, notice, pending, submit, clear, setNotice } = useActionForm();
  const current = (role: Role) => rows.find((r) => r.active && r.role === role) ?? null;
  const history = rows.filter((r) => !r.active);

  function onSubmit(e: React.FormEvent<HTMLFormElement>, role: Role) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    submit(
      () =>
        assignAction({
          targetType,
          targetId,
          role,
          userId: f.get("userId") ? Number(f.get("userId")) : undefined,
          startDate: f.get("startDate"),
          department: f.get("department") || null,
          note: f.get("note") || null,
          currentAssignmentId: current(role)?.id ?? null,
        }),
      () => {
        setEditing(null);
        router.refresh();
        return t("saved");
      },
    );
  }

  return (
    <Section title={t("title")} testId="assignment-panel">
      <div className="grid gap-4 sm:grid-cols-2">
        {(["LIAISON", "LEADER"] as const).map((role) => {
          const now = current(role);
          return (
            <div key={role}>
              <div className="text-xs text-slate-500">{roleLabel(role)}</div>
              <div className="mt-0.5 text-sm">
                {now ? (
                  <>
                    {now.userName} {now.userPhone && <span className="tabular-nums text-slate-500">{now.userPhone}</span>}
                    <span className="ml-2 text-xs text-slate-400">{t("since", { date: now.startDate })}</span>
                    {now.department && <div className="text-xs text-slate-500">{now.department}</div>}
                  </>
                ) : (
                  <span className="text-red-600">{t("none")}</span>
                )}
              </div>
              {candidates && editing !== role && ending !== role && (
                <div className="no-print mt-1 flex gap-3">
                  <Button type="button" onClick={() => { setEditing(role); setEnding(null); clear(); }} variant="link" size="sm">
                    {now ? t("change") : t("assign")}
                  </Button>
                  {endable && now && (
                    <Button type="button" onClick={() => { setEnding(role); setEditing(null); setNotice(null); }} variant="link" size="sm" tone="danger">
                      {t("end")}
                    </Button>
                  )}
                </div>
              )}
              {endable && now && ending === role && (
                <EndAssignmentForm assignmentId={now.id} holderName={now.userName} roleLabel={roleLabel(role)} startDate={now.startDate} onClose={() => setEnding(null)} />
              )}
              {candidates && editing === role && (
                <form onSubmit={(e) => onSubmit(e, role)} className="mt-2 space-y-2 rounded border border-slate-200 p-3" noValidate aria-label={t("formLabel", { role: inSentence(locale, roleLabel(role)) })}>
                  <Field label={t("person")} name="userId" errors={errors} compact>
                    <select name="userId" className={input} defaultValue="">
                      <option value="">{t("choose")}</option>
                      {candidates[role].map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                          {c.unit ? parenIn(locale, c.unit) : ""} · {t("active", { count: c.activeCount })}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t("startDate")} name="startDate" errors={errors} compact>
                    <input type="date" name="startDate" max={todayInShanghai()} defaultValue={todayInShanghai()} className={input} />
                  </Field>
                  <Field label={t("department")} name="department" errors={errors} compact>
                    <input name="department" className={input} defaultValue={now?.department ?? ""} />
                  </Field>
                  <Field label={t("note")} name="note" errors={errors} compact>
                    <input name="note" className={input} placeholder={t("notePlaceholder")} />
                  </Field>
                  <div className="flex gap-2">
                    <Button type="submit" size="sm" pending={pending}>
                      {pending ? tu("saving") : t("save")}
                    </Button>
                    <Button type="button" onClick={() => setEditing(null)} variant="secondary" size="sm">
                      {tu("cancel")}
                    </Button>
                  </div>
                </form>
              )}
            </div>
          );
        })}
      </div>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="assignment-message" className="mt-2">
          {notice.text}
        </Alert>
      )}
      {history.length > 0 && (
        <details className="mt-3 text-xs text-slate-600">
          <summary className="cursor-pointer">{t("history", { count: history.length })}</summary>
          <ul className="mt-1 space-y-0.5">
            {history.map((h) => (
              <li key={h.id}>
                {t("historyRow", { role: roleLabel(h.role), name: h.userName, from: h.startDate, to: h.endDate ?? "" })}
                {h.note ? parenIn(locale, h.note) : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
