"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PlanImportPreview } from "@/lib/server/excel/plans-import";
import { RowProblemTable } from "@/components/import/row-problem-table";
import { UploadStep, useImportUpload } from "@/components/import/upload-step";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

/**
 * The plan sheet of one park and year: download it, fill it in, upload it to see what would
 * change (the import's own writes, rolled back), then confirm: every row or none.
 */
export function PlanImport({ parkId, parkName, year }: { parkId: number; parkName: string; year: number }) {
  const t = useTranslations("plans.import");
  // The plan sheet's own column headers and answers: it downloads in the reader's language (messages plans.sheet).
  const ts = useTranslations("plans.sheet");
  const sheet = { planned: ts("columns.plannedInvestment"), start: ts("columns.planStart"), production: ts("columns.planProduction"), yes: ts("yes"), no: ts("no") };
  const qs = `park=${parkId}&year=${year}`;
  const upload = useImportUpload<PlanImportPreview, PlanImportPreview & { message: string }>({ preview: `/api/plans/import/preview?${qs}`, commit: `/api/plans/import/commit?${qs}` });
  const { state, run } = upload;

  const preview = state.step === "preview" ? state.preview : null;
  const blocked = !preview || preview.errors.length > 0 || preview.set + preview.removed === 0;

  return (
    <div className="space-y-4">
      <Section title={t("step1")} labelled>
        <p className="mb-3 text-sm text-slate-600">
          {t("step1Text", { park: parkName, year, ...sheet })}
        </p>
        <a href={`/api/plans/export?${qs}`} download className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
          {t("exportSheet", { year })}
        </a>
      </Section>

      <Section title={t("step2")} labelled>
        <UploadStep upload={upload} checkLabel={t("upload")} chooseLabel={t("chooseFile")} inputLabel={t("fileLabel")} errorTestId="plan-import-error" />
      </Section>

      {preview && (
        <Section title={t("step3")} labelled>
          <p className="mb-3 text-sm text-slate-700" data-testid="plan-import-summary">
            {t.rich("summary", { rows: preview.rows, set: preview.set, removed: preview.removed, unchanged: preview.unchanged, strong: (c) => <strong>{c}</strong> })}
            {preview.errors.length > 0 && t.rich("problems", { count: preview.errors.length, strong: (c) => <strong className="text-red-700">{c}</strong> })}
            {t("end")}
          </p>
          {preview.errors.length > 0 ? (
            <div className="mb-4">
              <p className="mb-2 text-sm text-red-800" role="alert">
                {t("fixFirst")}
              </p>
              <RowProblemTable issues={preview.errors} />
            </div>
          ) : preview.changes.length > 0 ? (
            <DataTable
              testId="plan-import-changes"
              rows={preview.changes}
              rowKey={(c) => c.row}
              frameClassName="mb-4 rounded border border-slate-200"
              columns={[
                { header: t("row"), cell: (c) => c.row, className: "tabular-nums" },
                { header: t("project"), cell: (c) => `${c.code} ${c.name}` },
                { header: t("before"), cell: (c) => c.before, className: "text-slate-500" },
                { header: t("after"), cell: (c) => <strong>{c.after}</strong> },
              ]}
            />
          ) : (
            <p className="mb-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" role="status">
              {t("same", { year })}
            </p>
          )}
          {preview.changes.length < preview.set + preview.removed && <p className="mb-3 text-xs text-slate-500">{t("firstN", { count: preview.changes.length })}</p>}
          <Button type="button" tone="success" onClick={() => run("commit")} disabled={blocked}>
            {blocked ? t("confirm") : t("confirmN", { count: preview.set + preview.removed })}
          </Button>
        </Section>
      )}

      {state.step === "done" && (
        <Alert tone="success" testId="plan-import-done">
          <p className="font-semibold">{state.result.message}</p>
          <Link href={`/plans?${qs}`} className="mt-2 inline-block text-brand-600 hover:underline">
            {t("view", { year })}
          </Link>
        </Alert>
      )}
    </div>
  );
}
