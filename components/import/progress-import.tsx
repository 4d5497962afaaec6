"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ProgressImportPreview, ProgressImportResult } from "@/lib/server/excel/progress-import";
import { RowProblemTable } from "./row-problem-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { parenIn } from "@/lib/i18n/format";
import { UploadStep, useImportUpload } from "./upload-step";

const PAGE = 50;

/** Monthly figures (月度填报) from one sheet of projects × months: filed and corrected through the filing rules, all or nothing. */
export function ProgressImport() {
  const t = useTranslations("importLedger");
  const locale = useLocale();
  const upload = useImportUpload<ProgressImportPreview, ProgressImportResult>({ preview: "/api/import/progress/preview", commit: "/api/import/progress/commit" });
  const { state, run } = upload;
  const [page, setPage] = useState(0);
  // A new preview starts on its first page.
  const [seen, setSeen] = useState<ProgressImportPreview | null>(null);
  if (state.step === "preview" && state.preview !== seen) {
    setSeen(state.preview);
    setPage(0);
  }

  const preview = state.step === "preview" ? state.preview : null;
  const total = preview ? preview.toFile + preview.toCorrect : 0;
  const pages = preview ? Math.max(1, Math.ceil(preview.months.length / PAGE)) : 1;

  return (
    <Section title={t("progress.title")} labelled>
      <p className="mb-3 text-sm text-slate-600">
        {t("progress.intro")}
      </p>
      <UploadStep
        upload={upload}
        before={
          <a href="/api/import/progress/template" className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50" download>
            {t("progress.template")}
          </a>
        }
        showSize={false}
        checkLabel={t("progress.check")}
        chooseLabel={t("progress.chooseFile")}
        inputLabel={t("progress.fileLabel")}
        labels={{ preview: t("progress.checking"), commit: t("progress.writing") }}
      />
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
