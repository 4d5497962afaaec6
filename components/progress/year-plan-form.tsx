"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { yearPlanSchema } from "@/lib/validation/progress";
import { fieldErrors } from "@/lib/validation/field-errors";
import { formatWan } from "@/lib/domain/money";
import { setYearPlanAction } from "@/lib/actions/progress/set-year-plan";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

export interface YearPlanValues {
  year: number;
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
  note: string | null;
}

/** The annual plan (本年计划投资) of a project: shown to all, editable with project.write. */
export function YearPlanForm({ projectId, year, plan, canEdit }: { projectId: number; year: number; plan: YearPlanValues | null; canEdit: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { errors, notice, pending, submit, fail } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values = { projectId, year, plannedInvestment: form.get("plannedInvestment"), planStart: form.get("planStart") === "on", planProduction: form.get("planProduction") === "on", note: form.get("note") };
    const parsed = yearPlanSchema.safeParse(values);
    if (!parsed.success) return fail("请检查标红的字段", fieldErrors(parsed.error));
    submit(
      () => setYearPlanAction(values),
      () => {
        setOpen(false);
        router.refresh();
        return "年度计划已保存";
      },
    );
  }

  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="year-plan">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="font-medium">{year}年计划</span>
        {plan ? (
          <>
            <span>
              本年计划投资 <span className="tabular-nums">{formatWan(plan.plannedInvestment)}</span>
            </span>
            {plan.planStart && <span className="rounded bg-sky-50 px-1.5 text-sky-800">计划当年开工</span>}
            {plan.planProduction && <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">计划当年投产</span>}
            {plan.note && <span className="text-slate-500">{plan.note}</span>}
          </>
        ) : (
          <span className="text-slate-500">未列入本年计划（无本年计划投资，不计投资进度亮灯）</span>
        )}
        {canEdit && !open && (
          <Button type="button" onClick={() => setOpen(true)} variant="link" className="no-print">
            {plan ? "修改年度计划" : "设置年度计划"}
          </Button>
        )}
      </div>
      {notice && !open && (
        <Alert as="p" tone={notice.kind} className="mt-1">
          {notice.text}
        </Alert>
      )}
      {open && (
        <form onSubmit={onSubmit} noValidate className="no-print mt-3 flex flex-wrap items-end gap-3" aria-label={`${year}年计划`}>
          <Field label="本年计划投资（万元）" name="plannedInvestment" errors={errors}>
            <input name="plannedInvestment" inputMode="decimal" defaultValue={plan?.plannedInvestment ?? ""} className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1.5" aria-invalid={errors.plannedInvestment ? true : undefined} />
          </Field>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planStart" defaultChecked={plan?.planStart ?? false} /> 计划当年开工
          </label>
          <label className="flex items-center gap-1 pb-2">
            <input type="checkbox" name="planProduction" defaultChecked={plan?.planProduction ?? false} /> 计划当年投产
          </label>
          <Field label="备注" name="note" errors={errors}>
            <input name="note" defaultValue={plan?.note ?? ""} maxLength={200} className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5" />
          </Field>
          <Button type="submit" pending={pending}>
            {pending ? "保存中…" : "保存"}
          </Button>
          <Button type="button" onClick={() => setOpen(false)} variant="secondary">
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
