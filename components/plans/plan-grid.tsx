"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatWanIn, parenIn } from "@/lib/i18n/format";
import { parkPlansSaveSchema } from "@/lib/validation/year-plans";
import { fieldErrors } from "@/lib/validation/field-errors";
import { saveParkPlansAction } from "@/lib/actions/plans/save-park-plans";
import type { ParkPlanRow } from "@/lib/server/plans/list-park-plans";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { useActionForm } from "@/components/ui/use-action-form";

interface Cells {
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
}

const cellsOf = (r: ParkPlanRow): Cells => ({ plannedInvestment: r.plan?.plannedInvestment ?? "", planStart: r.plan?.planStart ?? false, planProduction: r.plan?.planProduction ?? false });
const same = (a: Cells, b: Cells) => a.plannedInvestment.trim() === b.plannedInvestment.trim() && a.planStart === b.planStart && a.planProduction === b.planProduction;

/**
 * The park's plan for one year, one page of projects: with project.write each row's
 * 本年计划投资 and the two flags are editable, and 保存修改 sends the changed rows (with the
 * plan each was loaded with) in one transaction: all saved, or none with every refused row
 * marked. Clearing the amount and both flags takes a project out of the year's plan.
 */
export function PlanGrid({ parkId, year, currentYear, rows, canEdit }: { parkId: number; year: number; currentYear: number; rows: ParkPlanRow[]; canEdit: boolean }) {
  const t = useTranslations("plans.grid");
  const tc = useTranslations("common.enum");
  const tu = useTranslations("ui");
  const locale = useLocale();
  const formatWan = (v: Parameters<typeof formatWanIn>[1]) => formatWanIn(locale, v);
  const router = useRouter();
  const [edits, setEdits] = useState<Map<number, Cells>>(new Map());
  const [rowErrors, setRowErrors] = useState<Map<number, string[]>>(new Map());
  const { notice, pending, submit, fail } = useActionForm();
  const changed = rows.filter((r) => edits.has(r.projectId) && !same(edits.get(r.projectId)!, cellsOf(r)));

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (changed.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [changed.length]);

  const value = (r: ParkPlanRow) => edits.get(r.projectId) ?? cellsOf(r);
  function edit(r: ParkPlanRow, patch: Partial<Cells>) {
    setEdits((m) => new Map(m).set(r.projectId, { ...value(r), ...patch }));
  }

  /** `rows.{i}.field` of the rows sent -> messages per project. */
  function byProject(sent: number[], errors: Record<string, string[]>): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const [key, messages] of Object.entries(errors)) {
      const m = /^rows\.(\d+)\./.exec(key);
      const id = m ? sent[Number(m[1])] : undefined;
      if (id !== undefined) out.set(id, [...(out.get(id) ?? []), ...messages]);
    }
    return out;
  }

  function save() {
    const sent = changed.map((r) => r.projectId);
    const input = {
      parkId,
      year,
      rows: changed.map((r) => ({ projectId: r.projectId, ...value(r), expected: r.plan ? { plannedInvestment: r.plan.plannedInvestment, planStart: r.plan.planStart, planProduction: r.plan.planProduction } : null })),
    };
    const parsed = parkPlansSaveSchema.safeParse(input);
    if (!parsed.success) {
      setRowErrors(byProject(sent, fieldErrors(parsed.error)));
      return fail(t("checkRows"));
    }
    setRowErrors(new Map());
    submit(
      () => saveParkPlansAction(input),
      (r) => {
        setEdits(new Map());
        router.refresh();
        return t("saved", { year, saved: r.saved, removed: r.removed }) + (r.unchanged ? t("savedUnchanged", { count: r.unchanged }) : "");
      },
      { onError: (f) => setRowErrors(byProject(sent, f.fieldErrors)) },
    );
  }

  const flagHeader = (what: "start" | "production") => (year === currentYear ? t(`flagThisYear.${what}`) : t(`flagYear.${what}`, { year }));
  const input = "w-28 rounded border border-slate-300 px-2 py-1 text-right tabular-nums";

  return (
    <div>
      <DataTable
        testId="plan-grid"
        aria-label={t("label", { year })}
        rows={rows}
        rowKey={(r) => r.projectId}
        empty={t("empty")}
        rowProps={(r) => ({ "data-project-id": r.projectId, "data-changed": changed.includes(r) ? "1" : undefined })}
        rowClassName={(r) => `border-t border-slate-100 ${rowErrors.has(r.projectId) ? "bg-red-50" : changed.includes(r) ? "bg-amber-50" : ""}`}
        columns={[
          {
            header: t("project"),
            cell: (r) => (
              <div>
                <Link href={`/projects/${r.projectId}`} className="text-brand-600 hover:underline">
                  {r.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {r.code} · {r.enterpriseName}
                </div>
                {rowErrors.get(r.projectId)?.map((m) => (
                  <div key={m} className="text-xs text-red-700" data-row-error>
                    {m}
                  </div>
                ))}
              </div>
            ),
          },
          {
            header: t("stage"),
            cell: (r) => (
              <span className="whitespace-nowrap">
                {tc(`stage.${r.stage}`)}
                {r.status !== "ACTIVE" && <span className="ml-1 text-xs text-amber-800">{parenIn(locale, tc(`status.${r.status}`))}</span>}
              </span>
            ),
          },
          { header: year > currentYear ? t("completedFuture") : t("completedYear", { year }), cell: (r) => (year > currentYear ? "—" : formatWan(r.completed)), numeric: true },
          {
            header: t("planned"),
            numeric: true,
            cell: (r) =>
              canEdit ? (
                <input
                  aria-label={t("plannedLabel", { name: r.name })}
                  inputMode="decimal"
                  value={value(r).plannedInvestment}
                  onChange={(e) => edit(r, { plannedInvestment: e.target.value })}
                  className={input}
                  aria-invalid={rowErrors.has(r.projectId) ? true : undefined}
                />
              ) : r.plan ? (
                formatWan(r.plan.plannedInvestment)
              ) : (
                <span className="text-slate-400">{t("notListed")}</span>
              ),
          },
          {
            header: flagHeader("start"),
            align: "center",
            cell: (r) =>
              canEdit ? (
                <input type="checkbox" aria-label={t("flagLabel", { name: r.name, flag: flagHeader("start") })} checked={value(r).planStart} onChange={(e) => edit(r, { planStart: e.target.checked })} />
              ) : r.plan?.planStart ? (
                t("yes")
              ) : (
                ""
              ),
          },
          {
            header: flagHeader("production"),
            align: "center",
            cell: (r) =>
              canEdit ? (
                <input type="checkbox" aria-label={t("flagLabel", { name: r.name, flag: flagHeader("production") })} checked={value(r).planProduction} onChange={(e) => edit(r, { planProduction: e.target.checked })} />
              ) : r.plan?.planProduction ? (
                t("yes")
              ) : (
                ""
              ),
          },
          { header: t("note"), cell: (r) => r.plan?.note ?? "", className: "max-w-48 text-xs text-slate-500" },
        ]}
      />
      {canEdit && (
        <div className="no-print sticky bottom-0 mt-3 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white/95 py-3">
          <Button type="button" onClick={save} pending={pending} disabled={changed.length === 0}>
            {pending ? tu("saving") : changed.length > 0 ? t("saveN", { count: changed.length }) : t("save")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={changed.length === 0 || pending}
            onClick={() => {
              setEdits(new Map());
              setRowErrors(new Map());
            }}
          >
            {t("undo")}
          </Button>
          <span className="text-xs text-slate-500">{t("hint", { year })}</span>
          {notice && (
            <Alert as="p" tone={notice.kind} className="w-full" testId="plan-grid-notice">
              {notice.text}
            </Alert>
          )}
        </div>
      )}
    </div>
  );
}
