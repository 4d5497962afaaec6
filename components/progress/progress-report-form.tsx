"use client";

import { useRouter } from "next/navigation";
import { progressReportSchema } from "@/lib/validation/progress";
import { fieldErrors } from "@/lib/validation/field-errors";
import { useLocale, useTranslations } from "next-intl";
import { formatYearMonthIn } from "@/lib/i18n/format";
import { fileProgressReportAction } from "@/lib/actions/progress/file-progress-report";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { MonthFormFooter } from "./month-form-footer";

export interface ReportValues {
  version: number;
  investmentCompleted: string;
  fundsArrived: string;
  imageProgress: string | null;
  problems: string | null;
}

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/**
 * Files a month or corrects it (with the version loaded). Checked in the browser with the
 * same zod schema as the server; the server's field errors land on the same fields.
 */
export function ProgressReportForm({
  projectId,
  projectName,
  year,
  month,
  existing,
  onDone,
  onCancel,
  narrow = false,
}: {
  projectId: number;
  projectName: string;
  year: number;
  month: number;
  existing: ReportValues | null;
  /** Saved: gets the confirmation ("已填报：项目 2026年11月") to show where it stays visible (this form may close). */
  onDone?: (message: string) => void;
  onCancel?: () => void;
  /** In a half-width column: two fields a row instead of four. */
  narrow?: boolean;
}) {
  const router = useRouter();
  const { errors, notice, pending, submit, fail } = useActionForm();
  const t = useTranslations("progress.form");
  const tu = useTranslations("ui");
  const locale = useLocale();
  const label = `${projectName} ${formatYearMonthIn(locale, { year, month })}`;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>;
    const values = { ...form, projectId, year, month, version: existing?.version };
    const parsed = progressReportSchema.safeParse(values);
    if (!parsed.success) return fail(t("checkFields"), fieldErrors(parsed.error));
    submit(
      () => fileProgressReportAction(values),
      () => {
        router.refresh();
        const text = existing ? t("corrected") : t("filed");
        onDone?.(t("done", { what: text, label }));
        return text;
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(existing ? "correctLabel" : "fileLabel", { label })} className={`grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2 ${narrow ? "" : "lg:grid-cols-4"}`} data-testid="progress-form">
      <Field label={t("investment")} name="investmentCompleted" errors={errors}>
        <input name="investmentCompleted" inputMode="decimal" defaultValue={existing?.investmentCompleted ?? ""} className={input} aria-invalid={errors.investmentCompleted ? true : undefined} />
      </Field>
      <Field label={t("funds")} name="fundsArrived" errors={errors}>
        <input name="fundsArrived" inputMode="decimal" defaultValue={existing?.fundsArrived ?? ""} className={input} aria-invalid={errors.fundsArrived ? true : undefined} />
      </Field>
      <Field label={t("imageProgress")} name="imageProgress" errors={errors} className="sm:col-span-2">
        <input name="imageProgress" defaultValue={existing?.imageProgress ?? ""} maxLength={500} className={input} aria-invalid={errors.imageProgress ? true : undefined} />
      </Field>
      <Field label={t("problems")} name="problems" errors={errors} className={`sm:col-span-2 ${narrow ? "" : "lg:col-span-3"}`}>
        <input name="problems" defaultValue={existing?.problems ?? ""} maxLength={1000} className={input} aria-invalid={errors.problems ? true : undefined} />
      </Field>
      <MonthFormFooter
        pending={pending}
        submitLabel={existing ? t("saveCorrection") : t("submit")}
        pendingLabel={tu("saving")}
        onCancel={onCancel}
        errors={errors}
        notice={notice}
      />
    </form>
  );
}
