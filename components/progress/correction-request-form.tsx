"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatYearMonthIn } from "@/lib/i18n/format";
import { fieldErrors } from "@/lib/validation/field-errors";
import { correctionRequestSchema } from "@/lib/validation/published-bulletins";
import { requestProgressCorrectionAction } from "@/lib/actions/progress/request-progress-correction";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { MonthFormFooter } from "./month-form-footer";
import type { ReportValues } from "./progress-report-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/**
 * A request to file or correct a month closed by a published bulletin: the month's new
 * figures (the filed ones to start from) and the reason, for a park leader to approve.
 * Checked in the browser with the server's own schema.
 */
export function CorrectionRequestForm({
  projectId,
  projectName,
  year,
  month,
  existing,
  onDone,
  onCancel,
}: {
  projectId: number;
  projectName: string;
  year: number;
  month: number;
  existing: ReportValues | null;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const { errors, notice, pending, submit, fail } = useActionForm();
  const t = useTranslations("progress");
  const locale = useLocale();
  const monthLabel = formatYearMonthIn(locale, { year, month });

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget).entries()) as Record<string, string>;
    const values = { ...form, projectId, year, month, version: existing?.version };
    const parsed = correctionRequestSchema.safeParse(values);
    if (!parsed.success) return fail(t("form.checkFields"), fieldErrors(parsed.error));
    submit(
      () => requestProgressCorrectionAction(values),
      () => {
        router.refresh();
        onDone?.();
        return t("request.submitted");
      },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t(existing ? "request.correctionLabel" : "request.lateLabel", { label: `${projectName} ${monthLabel}` })}
      className="grid gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 sm:grid-cols-2 lg:grid-cols-4"
      data-testid="correction-request-form"
    >
      <p className="text-sm text-amber-900 sm:col-span-2 lg:col-span-4">
        {t(existing ? "request.correctionIntro" : "request.lateIntro", { month: monthLabel })}
      </p>
      <Field label={t("form.investment")} name="investmentCompleted" errors={errors}>
        <input name="investmentCompleted" inputMode="decimal" defaultValue={existing?.investmentCompleted ?? ""} className={input} />
      </Field>
      <Field label={t("form.funds")} name="fundsArrived" errors={errors}>
        <input name="fundsArrived" inputMode="decimal" defaultValue={existing?.fundsArrived ?? ""} className={input} />
      </Field>
      <Field label={t("form.imageProgress")} name="imageProgress" errors={errors} className="sm:col-span-2">
        <input name="imageProgress" defaultValue={existing?.imageProgress ?? ""} maxLength={500} className={input} />
      </Field>
      <Field label={t("form.problems")} name="problems" errors={errors} className="sm:col-span-2">
        <input name="problems" defaultValue={existing?.problems ?? ""} maxLength={1000} className={input} />
      </Field>
      <Field label={t(existing ? "request.correctionReason" : "request.lateReason")} name="reason" errors={errors} className="sm:col-span-2">
        <input name="reason" maxLength={500} className={input} placeholder={t("request.reasonPlaceholder")} />
      </Field>
      <MonthFormFooter
        pending={pending}
        submitLabel={t(existing ? "request.submitCorrection" : "request.submitLate")}
        pendingLabel={t("request.submitting")}
        onCancel={onCancel}
        errors={errors}
        notice={notice}
        buttonsClassName="sm:col-span-2 lg:col-span-4"
      />
    </form>
  );
}
