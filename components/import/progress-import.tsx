"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ProgressImportPreview, ProgressImportResult } from "@/lib/server/excel/progress-import";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { type UploadPhase, uploadFile } from "./upload";
import { RowProblemTable } from "./row-problem-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { parenIn } from "@/lib/i18n/format";
import { XlsxFilePicker } from "@/components/import/xlsx-file-picker";

type State =
  | { step: "idle" }
  | { step: "busy"; label: string; phase: UploadPhase }
  | { step: "failed"; message: string; errors?: RowIssue[] }
  | { step: "preview"; preview: ProgressImportPreview }
  | { step: "done"; result: ProgressImportResult };

const PAGE = 50;

/** Monthly figures (月度填报) from one sheet of projects × months: filed and corrected through the filing rules, all or nothing. */
export function ProgressImport() {
  const t = useTranslations("importLedger");
  const locale = useLocale();
  const texts = { serverError: (status: number) => t("upload.serverError", { status }), network: t("upload.network") };
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const [page, setPage] = useState(0);
  const busy = state.step === "busy";

  async function run(action: "preview" | "commit") {
    if (!file) return;
    const checked = state.step === "preview" ? state.preview : undefined;
    const label = action === "preview" ? t("progress.checking") : t("progress.writing");
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", label, phase });
    onPhase({ kind: "sending", percent: 0 });
    if (action === "preview") {
      const res = await uploadFile<ProgressImportPreview>("/api/import/progress/preview", file, onPhase, texts);
      setPage(0);
      setState(res.ok ? { step: "preview", preview: res.data } : { step: "failed", message: res.body.message ?? t("upload.checkFailed") });
    } else {
      const res = await uploadFile<ProgressImportResult>("/api/import/progress/commit", file, onPhase, texts, checked ? { expected: checked.expected } : {});
      setState(
        res.ok
          ? { step: "done", result: res.data }
          : { step: "failed", message: res.body.message ?? t("upload.importFailed"), errors: Array.isArray(res.body.errors) ? (res.body.errors as RowIssue[]) : undefined },
      );
    }
  }

  const preview = state.step === "preview" ? state.preview : null;
  const total = preview ? preview.toFile + preview.toCorrect : 0;
  const pages = preview ? Math.max(1, Math.ceil(preview.months.length / PAGE)) : 1;

  return (
    <Section title={t("progress.title")} labelled>
      <p className="mb-3 text-sm text-slate-600">
        {t("progress.intro")}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <a href="/api/import/progress/template" className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50" download>
          {t("progress.template")}
        </a>
        <XlsxFilePicker
          file={file}
          busy={busy}
          showSize={false}
          chooseLabel={t("progress.chooseFile")}
          noFileLabel={t("upload.noFile")}
          inputLabel={t("progress.fileLabel")}
          onChoose={(f) => {
            setFile(f);
            setState({ step: "idle" });
          }}
        />
        <Button type="button" onClick={() => run("preview")} disabled={!file || busy}>
          {t("progress.check")}
        </Button>
      </div>
      {state.step === "busy" && (
        <p className="mt-3 text-sm text-slate-600" role="status">
          {state.phase.kind === "sending" ? t("upload.sending", { percent: state.phase.percent }) : state.label}
        </p>
      )}
      {state.step === "failed" && (
        <Alert tone="error" className="mt-3">
          {state.message}
          {state.errors && state.errors.length > 0 && (
            <div className="mt-3">
              <RowProblemTable issues={state.errors} />
            </div>
          )}
        </Alert>
      )}
      {preview && (
        <div className="mt-4 space-y-3">
          <p className="text-sm text-slate-700" role="status">
            {t("progress.summary", { rows: preview.rows, file: preview.toFile, correct: preview.toCorrect, unchanged: preview.unchanged, problems: preview.errors.length })}
            {preview.ignoredColumns.length > 0 && <span className="text-xs text-slate-500">{t("progress.ignored", { columns: preview.ignoredColumns.join(t("upload.listSep")) })}</span>}
          </p>
          {preview.errors.length > 0 ? (
            <RowProblemTable issues={preview.errors} />
          ) : total === 0 ? (
            <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">{t("progress.nothing", { count: preview.unchanged })}</p>
          ) : null}
          {preview.months.length > 0 && (
            <>
              <DataTable
                aria-label={t("progress.label")}
                rows={preview.months.slice(page * PAGE, page * PAGE + PAGE)}
                rowKey={(m) => `${m.projectId}-${m.month}`}
                frameClassName="rounded border border-slate-200"
                columns={[
                  { header: t("progress.row"), cell: (m) => m.row, className: "tabular-nums align-top" },
                  { header: t("progress.project"), cell: (m) => `${m.name}${parenIn(locale, m.code)}`, className: "align-top" },
                  { header: t("progress.month"), cell: (m) => `${m.month}${m.kind === "correct" ? t("progress.correction") : ""}`, className: "align-top" },
                  {
                    header: t("progress.changes"),
                    cell: (m) => (
                      <ul>
                        {m.changes.map((c) => (
                          <li key={c.field}>
                            <span className="text-slate-500">{t("updates.field", { column: c.column })}</span>
                            {c.before ?? t("upload.empty")} → <span className="font-medium text-emerald-800">{c.after ?? t("upload.empty")}</span>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              {pages > 1 && (
                <nav aria-label={t("progress.paging")} className="flex items-center gap-2 text-sm">
                  <span className="text-slate-500">{t("upload.pageOf", { page: page + 1, pages })}</span>
                  <Button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} variant="secondary" size="sm">
                    {t("upload.previous")}
                  </Button>
                  <Button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} variant="secondary" size="sm">
                    {t("upload.next")}
                  </Button>
                </nav>
              )}
            </>
          )}
          <Button type="button" tone="success" onClick={() => run("commit")} disabled={preview.errors.length > 0 || total === 0}>
            {preview.errors.length > 0 || total === 0 ? t("progress.confirm") : t("progress.confirmN", { count: total })}
          </Button>
        </div>
      )}
      {state.step === "done" && (
        <Alert tone="success" className="mt-3">
          {state.result.message}
        </Alert>
      )}
    </Section>
  );
}
