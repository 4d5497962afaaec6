"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { formatWan } from "@/lib/domain/money";
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

function Flag({ planned, done, past, label, doneLabel }: { planned: boolean; done: boolean; past: boolean; label: string; doneLabel: string }) {
  if (!planned) return <span className="text-slate-400">—</span>;
  return (
    <span>
      {label}
      {done ? <span className="ml-1 text-emerald-700">（{doneLabel}）</span> : past ? <span className="ml-1 text-red-700">（未{doneLabel.slice(1)}）</span> : null}
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
    if (!parsed.success) return fail("请检查标红的字段", fieldErrors(parsed.error));
    const year = editing;
    submit(
      () => setProjectPlanAction(values),
      (r) => {
        setEditing(null);
        router.refresh();
        return r.outcome === "removed" ? `已将项目移出 ${year} 年计划` : r.outcome === "unchanged" ? `${year} 年计划没有变化` : `${year} 年计划已保存`;
      },
    );
  }

  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="year-plan">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="font-medium">{currentYear}年计划</span>
        {current ? (
          <>
            <span>
              本年计划投资 <span className="tabular-nums">{formatWan(current.plannedInvestment)}</span>
            </span>
            {current.planStart && <span className="rounded bg-sky-50 px-1.5 text-sky-800">计划当年开工</span>}
            {current.planProduction && <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">计划当年投产</span>}
            {current.note && <span className="text-slate-500">{current.note}</span>}
          </>
        ) : (
          <span className="text-slate-500">未列入本年计划（无本年计划投资，不计投资进度亮灯）</span>
        )}
        {canEdit && editing === null && (
          <Button type="button" onClick={() => open(currentYear)} variant="link" className="no-print">
            {current ? "修改年度计划" : "设置年度计划"}
          </Button>
        )}
      </div>

      {others.length > 0 && (
        <div className="mt-3" data-testid="other-year-plans">
          <DataTable
            aria-label="各年度计划"
            rows={others}
            rowKey={(p) => p.year}
            rowProps={(p) => ({ "data-year": p.year })}
            frameClassName="rounded border border-slate-200"
            columns={[
              { header: "年度", cell: (p) => `${p.year}年${p.year > currentYear ? "（计划）" : ""}`, className: "whitespace-nowrap" },
              { header: "计划投资", cell: (p) => formatWan(p.plannedInvestment), numeric: true },
              { header: "当年完成", cell: (p) => (p.year > currentYear ? "—" : formatWan(p.completed)), numeric: true },
              { header: "开工", cell: (p) => <Flag planned={p.planStart} done={p.started} past={p.year < currentYear} label="计划开工" doneLabel="已开工" /> },
              { header: "投产", cell: (p) => <Flag planned={p.planProduction} done={p.producing} past={p.year < currentYear} label="计划投产" doneLabel="已投产" /> },
              { header: "备注", cell: (p) => p.note ?? "", className: "text-slate-500" },
              ...(canEdit
                ? [
                    {
                      key: "edit",
                      header: <span className="sr-only">操作</span>,
                      cell: (p: ProjectPlanYear) =>
                        editing === null && (
                          <Button type="button" variant="link" size="sm" onClick={() => open(p.year)} aria-label={`修改 ${p.year} 年计划`}>
                            修改
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
            其他年度：
            <select aria-label="选择计划年度" className="rounded border border-slate-300 px-1 py-0.5" defaultValue="" onChange={(e) => e.target.value && open(Number(e.target.value))}>
              <option value="">选择年度…</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年{byYear.has(y) ? "（已有计划）" : ""}
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
        <form key={editing} onSubmit={onSubmit} noValidate className="no-print mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3" aria-label={`${editing}年计划`}>
          <p className="w-full font-medium">
            {editing}年计划{loaded ? "（修改）" : "（新设）"}
            <span className="ml-2 font-normal text-slate-500">本年计划投资留空且不勾选开工、投产，即把项目移出该年计划</span>
          </p>
          <Field label="本年计划投资（万元）" name="plannedInvestment" errors={errors}>
            <input name="plannedInvestment" inputMode="decimal" defaultValue={loaded?.plannedInvestment ?? ""} className={`${input} w-40`} />
          </Field>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planStart" defaultChecked={loaded?.planStart ?? false} /> {editing === currentYear ? "计划当年开工" : `计划 ${editing} 年开工`}
          </label>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planProduction" defaultChecked={loaded?.planProduction ?? false} /> {editing === currentYear ? "计划当年投产" : `计划 ${editing} 年投产`}
          </label>
          <Field label="备注" name="note" errors={errors}>
            <input name="note" defaultValue={loaded?.note ?? ""} maxLength={200} className={`${input} w-56`} />
          </Field>
          <Button type="submit" pending={pending}>
            {pending ? "保存中…" : "保存"}
          </Button>
          <Button type="button" onClick={() => setEditing(null)} variant="secondary">
            取消
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
