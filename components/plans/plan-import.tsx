"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { PlanImportPreview } from "@/lib/server/excel/plans-import";
import type { PlanSheetIssue } from "@/lib/validation/year-plans";
import { type UploadPhase, uploadFile } from "@/components/import/upload";
import { RowProblemTable } from "@/components/import/row-problem-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { XlsxFilePicker } from "@/components/import/xlsx-file-picker";

type State =
  | { step: "idle" }
  | { step: "busy"; action: "preview" | "commit"; phase: UploadPhase }
  | { step: "failed"; message: string; errors?: PlanSheetIssue[] }
  | { step: "preview"; preview: PlanImportPreview }
  | { step: "done"; result: PlanImportPreview & { message: string } };

/**
 * The plan sheet of one park and year: download it, fill it in, upload it to see what would
 * change (the import's own writes, rolled back), then confirm: every row or none.
 */
export function PlanImport({ parkId, parkName, year }: { parkId: number; parkName: string; year: number }) {
  const t = useTranslations("plans.import");
  const tu = useTranslations("importLedger.upload");
  // The plan sheet's own column headers and answers: it downloads in the reader's language (messages plans.sheet).
  const ts = useTranslations("plans.sheet");
  const sheet = { planned: ts("columns.plannedInvestment"), start: ts("columns.planStart"), production: ts("columns.planProduction"), yes: ts("yes"), no: ts("no") };
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "busy";
  const qs = `park=${parkId}&year=${year}`;

  async function run(action: "preview" | "commit") {
    if (!file) return;
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", action, phase });
    onPhase({ kind: "sending", percent: 0 });
    const res = await uploadFile<PlanImportPreview & { message: string }>(`/api/plans/import/${action}?${qs}`, file, onPhase, { serverError: (status) => tu("serverError", { status }), network: tu("network") });
    if (!res.ok) {
      setState({ step: "failed", message: res.body.message ?? (action === "preview" ? t("checkFailed") : t("importFailed")), errors: Array.isArray(res.body.errors) ? (res.body.errors as PlanSheetIssue[]) : undefined });
    } else setState(action === "preview" ? { step: "preview", preview: res.data } : { step: "done", result: res.data });
  }

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
        <div className="flex flex-wrap items-center gap-3">
          <XlsxFilePicker
            file={file}
            busy={busy}
            chooseLabel={t("chooseFile")}
            noFileLabel={t("noFile")}
            inputLabel={t("fileLabel")}
            onChoose={(f) => {
              setFile(f);
              setState({ step: "idle" });
            }}
          />
          <Button type="button" onClick={() => run("preview")} disabled={!file || busy}>
            {t("upload")}
          </Button>
        </div>
        {state.step === "busy" && (
          <p className="mt-3 text-sm text-slate-600" role="status">
            {state.phase.kind === "sending" ? t("uploading", { percent: state.phase.percent }) : state.action === "preview" ? t("checking") : t("writing")}
          </p>
        )}
        {state.step === "failed" && (
          <Alert tone="error" className="mt-3" testId="plan-import-error">
            {state.message}
            {state.errors && state.errors.length > 0 && (
              <div className="mt-3">
                <RowProblemTable issues={state.errors} />
              </div>
            )}
          </Alert>
        )}
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
