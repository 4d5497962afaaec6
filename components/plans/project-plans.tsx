"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatWanIn } from "@/lib/i18n/format";
import { writeYearPlanSchema } from "@/lib/validation/year-plans";
import { fieldErrors } from "@/lib/validation/field-errors";
import { setProjectPlanAction } from "@/lib/actions/plans/set-project-plan";
import type { ProjectPlanYear } from "@/lib/server/plans/list-project-plans";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 block rounded border border-slate-300 px-2 py-1.5";

/** 计划开工（已开工）, 计划开工（未开工） for a past year, 计划开工 for this year or one ahead. */
function Flag({ planned, done, past, what }: { planned: boolean; done: boolean; past: boolean; what: "start" | "production" }) {
  const t = useTranslations("projects.plans.flag");
  if (!planned) return <span className="text-slate-400">—</span>;
  return (
    <span>
      {t(`${what}.planned`)}
      {done ? <span className="ml-1 text-emerald-700">{t(`${what}.done`)}</span> : past ? <span className="ml-1 text-red-700">{t(`${what}.notDone`)}</span> : null}
    </span>
  );
}

/**
 * A project's annual plans (本年计划投资, 计划开工, 计划投产) for every year it has one, this
 * year's on top as a summary line, and, with project.write, a form for any year the project
 * can be planned in: choose the year, then set, change or clear (blank amount, no flag) its
 * plan. The plan loaded is sent back so a change made meanwhile by someone else is refused.
 */
export function ProjectPlans({
  projectId,
  currentYear,
  years,
  plans,
  canEdit,
}: {
  projectId: number;
  currentYear: number;
  years: number[];
  plans: ProjectPlanYear[];
  canEdit: boolean;
}) {
  const t = useTranslations("projects.plans");
  const tc = useTranslations("common");
  const locale = useLocale();
  const formatWan = (v: string) => formatWanIn(locale, v);
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const { errors, notice, pending, submit, fail, clear } = useActionForm();
  const byYear = new Map(plans.map((p) => [p.year, p]));
  const current = byYear.get(currentYear) ?? null;
  const others = plans.filter((p) => p.year !== currentYear);
  const loaded = editing === null ? null : (byYear.get(editing) ?? null);

  function open(year: number) {
    clear();
    setEditing(year);
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (editing === null) return;
    const form = new FormData(e.currentTarget);
    const values = {
      projectId,
      year: editing,
      plannedInvestment: String(form.get("plannedInvestment") ?? ""),
      planStart: form.get("planStart") === "on",
      planProduction: form.get("planProduction") === "on",
      note: String(form.get("note") ?? ""),
      expected: loaded ? { plannedInvestment: loaded.plannedInvestment, planStart: loaded.planStart, planProduction: loaded.planProduction } : null,
    };
    const parsed = writeYearPlanSchema.safeParse(values);
    if (!parsed.success) return fail(t("checkFields"), fieldErrors(parsed.error));
    const year = editing;
    submit(
      () => setProjectPlanAction(values),
      (r) => {
        setEditing(null);
        router.refresh();
        return r.outcome === "removed" ? t("removed", { year }) : r.outcome === "unchanged" ? t("unchanged", { year }) : t("saved", { year });
      },
    );
  }

  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="year-plan">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="font-medium">{t("title", { year: currentYear })}</span>
        {current ? (
          <>
            <span>{t.rich("plannedThisYear", { amount: formatWan(current.plannedInvestment), n: (chunks) => <span className="tabular-nums">{chunks}</span> })}</span>
            {current.planStart && <span className="rounded bg-sky-50 px-1.5 text-sky-800">{t("startThisYear")}</span>}
            {current.planProduction && <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">{t("productionThisYear")}</span>}
            {current.note && <span className="text-slate-500">{current.note}</span>}
          </>
        ) : (
          <span className="text-slate-500">{t("notPlanned")}</span>
        )}
        {canEdit && editing === null && (
          <Button type="button" onClick={() => open(currentYear)} variant="link" className="no-print">
            {current ? t("change") : t("set")}
          </Button>
        )}
      </div>

      {others.length > 0 && (
        <div className="mt-3" data-testid="other-year-plans">
          <DataTable
            aria-label={t("byYear")}
            rows={others}
            rowKey={(p) => p.year}
            rowProps={(p) => ({ "data-year": p.year })}
            frameClassName="rounded border border-slate-200"
            columns={[
              { header: t("column.year"), cell: (p) => (p.year > currentYear ? t("yearAhead", { year: p.year }) : t("year", { year: p.year })), className: "whitespace-nowrap" },
              { header: t("column.planned"), cell: (p) => formatWan(p.plannedInvestment), numeric: true },
              { header: t("column.completed"), cell: (p) => (p.year > currentYear ? "—" : formatWan(p.completed)), numeric: true },
              { header: tc("enum.stage.STARTED"), cell: (p) => <Flag planned={p.planStart} done={p.started} past={p.year < currentYear} what="start" /> },
              { header: tc("enum.stage.PRODUCING"), cell: (p) => <Flag planned={p.planProduction} done={p.producing} past={p.year < currentYear} what="production" /> },
              { header: t("column.note"), cell: (p) => p.note ?? "", className: "text-slate-500" },
              ...(canEdit
                ? [
                    {
                      key: "edit",
                      header: <span className="sr-only">{t("column.actions")}</span>,
                      cell: (p: ProjectPlanYear) =>
                        editing === null && (
                          <Button type="button" variant="link" size="sm" onClick={() => open(p.year)} aria-label={t("changeYear", { year: p.year })}>
                            {t("changeShort")}
                          </Button>
                        ),
                      align: "right" as const,
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}

      {canEdit && editing === null && (
        <div className="no-print mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <label className="flex items-center gap-1">
            {t("otherYears")}
            <select aria-label={t("pickYear")} className="rounded border border-slate-300 px-1 py-0.5" defaultValue="" onChange={(e) => e.target.value && open(Number(e.target.value))}>
              <option value="">{t("pickYearPlaceholder")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {byYear.has(y) ? t("yearHasPlan", { year: y }) : t("year", { year: y })}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {notice && editing === null && (
        <Alert as="p" tone={notice.kind} className="mt-2">
          {notice.text}
        </Alert>
      )}

      {editing !== null && (
        <form key={editing} onSubmit={onSubmit} noValidate className="no-print mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3" aria-label={t("title", { year: editing })}>
          <p className="w-full font-medium">
            {loaded ? t("formChange", { year: editing }) : t("formNew", { year: editing })}
            <span className="ml-2 font-normal text-slate-500">{t("formHint")}</span>
          </p>
          <Field label={t("amount")} name="plannedInvestment" errors={errors}>
            <input name="plannedInvestment" inputMode="decimal" defaultValue={loaded?.plannedInvestment ?? ""} className={`${input} w-40`} />
          </Field>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planStart" defaultChecked={loaded?.planStart ?? false} /> {editing === currentYear ? t("startThisYear") : t("startIn", { year: editing })}
          </label>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planProduction" defaultChecked={loaded?.planProduction ?? false} /> {editing === currentYear ? t("productionThisYear") : t("productionIn", { year: editing })}
          </label>
          <Field label={t("column.note")} name="note" errors={errors}>
            <input name="note" defaultValue={loaded?.note ?? ""} maxLength={200} className={`${input} w-56`} />
          </Field>
          <Button type="submit" pending={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <Button type="button" onClick={() => setEditing(null)} variant="secondary">
            {t("cancel")}
          </Button>
          {notice?.kind === "error" && (
            <Alert as="p" tone="error" className="w-full">
              {notice.text}
            </Alert>
          )}
        </form>
      )}
    </div>
  );
}
