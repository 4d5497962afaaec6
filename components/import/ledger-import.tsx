"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Stage } from "@/lib/domain/stages";
import { formatCountIn, formatWanIn } from "@/lib/i18n/format";
import type { ImportPreview } from "@/lib/server/excel/preview-import";
import type { ImportResult } from "@/lib/server/excel/commit-import";
import { RowProblemTable } from "./row-problem-table";
import { UpdateTable } from "./update-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { UploadStep, useImportUpload } from "./upload-step";

/** The template's own sheet and column names, in the reader's language as the template downloads. */
export interface TemplateNames {
  guide: string;
  code: string;
  park: string;
  name: string;
  investor: string;
}

export function LedgerImport({ maxRows, template }: { maxRows: number; template: TemplateNames }) {
  const t = useTranslations("importLedger");
  const tc = useTranslations("common.enum");
  const locale = useLocale();
  const n = (v: number) => formatCountIn(locale, v);
  const upload = useImportUpload<ImportPreview, ImportResult>({ preview: "/api/import/preview", commit: "/api/import/commit" });
  const { state, run } = upload;

  const preview = state.step === "preview" ? state.preview : null;
  const blocked = !preview || preview.errors.length > 0 || preview.toCreate + preview.toUpdate === 0;
  const confirmLabel = preview
    ? [preview.toCreate > 0 ? t("ledger.create", { count: n(preview.toCreate) }) : null, preview.toUpdate > 0 ? t("ledger.update", { count: n(preview.toUpdate) }) : null].filter(Boolean).join(t("upload.listSep"))
    : "";

  return (
    <div className="space-y-4">
      <Section title={t("ledger.step1")} labelled>
        <p className="mb-3 text-sm text-slate-600">
          {t("ledger.step1Text", { ...template, max: n(maxRows) })}
        </p>
        <a href="/api/import/template" className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50" download>
          {t("ledger.template")}
        </a>
      </Section>

      <Section title={t("ledger.step2")} labelled>
        <UploadStep upload={upload} checkLabel={t("ledger.check")} chooseLabel={t("upload.chooseFile")} inputLabel={t("ledger.fileLabel")} />
      </Section>

      {preview && (
        <Section title={t("ledger.step3")} labelled>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
            {[
              [t("ledger.stat.rows"), preview.rows, "text-slate-900"],
              [preview.errors.length > 0 ? t("ledger.stat.createOk") : t("ledger.stat.create"), preview.toCreate, "text-emerald-700"],
              [preview.errors.length > 0 ? t("ledger.stat.updateOk") : t("ledger.stat.update"), preview.toUpdate, "text-brand-700"],
              [t("ledger.stat.unchanged"), preview.unchanged, "text-slate-600"],
              [t("ledger.stat.problems"), preview.errors.length, preview.errors.length > 0 ? "text-red-700" : "text-slate-600"],
            ].map(([label, value, color]) => (
              <div key={label as string} className="rounded border border-slate-200 p-3">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className={`text-2xl font-semibold tabular-nums ${color}`}>{n(value as number)}</dd>
              </div>
            ))}
          </dl>
          <p className="mb-3 text-xs text-slate-500">
            {preview.headerRows[0] === preview.headerRows[1]
              ? t("ledger.headerRow", { row: preview.headerRows[1], first: preview.headerRows[1] + 1 })
              : t("ledger.headerRows", { from: preview.headerRows[0], to: preview.headerRows[1], first: preview.headerRows[1] + 1 })}
            {preview.ignoredColumns.length > 0 && t("ledger.ignored", { columns: preview.ignoredColumns.join(t("upload.listSep")) })}
          </p>
          {preview.errors.length > 0 ? (
            <div className="mb-4">
              <p className="mb-2 text-sm text-red-800" role="alert">
                {t("ledger.hasProblems", { count: preview.errors.length })}
              </p>
              <RowProblemTable issues={preview.errors} />
            </div>
          ) : preview.toCreate + preview.toUpdate === 0 ? (
            <p className="mb-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" role="status">
              {t("ledger.nothing", { count: preview.unchanged })}
            </p>
          ) : (
            <p className="mb-3 text-sm text-emerald-800" role="status">
              {t("ledger.passed")}
            </p>
          )}
          {preview.toUpdate > 0 && (
            <div className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("ledger.toUpdate", { count: n(preview.toUpdate) })}</h3>
              <UpdateTable updates={preview.updates} total={preview.toUpdate} />
            </div>
          )}
          {preview.toCreate > 0 && (
            <div className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">
                {preview.toCreate > preview.sample.length ? t("ledger.toCreateFirst", { count: n(preview.toCreate), shown: preview.sample.length }) : t("ledger.toCreate", { count: n(preview.toCreate) })}
              </h3>
              <DataTable
                rows={preview.sample}
                rowKey={(s) => s.row}
                frameClassName="rounded border border-slate-200"
                columns={[
                  { header: t("ledger.row"), cell: (s) => s.row, className: "tabular-nums" },
                  { header: t("ledger.park"), cell: (s) => s.parkName },
                  { header: t("ledger.name"), cell: (s) => s.name },
                  { header: t("ledger.investor"), cell: (s) => s.enterpriseName },
                  { header: t("ledger.stage"), cell: (s) => (tc.has(`stage.${s.stage as Stage}`) ? tc(`stage.${s.stage as Stage}`) : s.stage) },
                  { header: t("ledger.totalInvestment"), cell: (s) => formatWanIn(locale, s.totalInvestment), numeric: true },
                ]}
              />
            </div>
          )}
          <Button
            type="button"
            onClick={() => run("commit")}
            disabled={blocked}
            tone="success"
          >
            {blocked ? t("ledger.confirm") : t("ledger.confirmWhat", { what: confirmLabel })}
          </Button>
          {preview.errors.length > 0 && <span className="ml-3 text-xs text-slate-500">{t("ledger.fixAll")}</span>}
        </Section>
      )}

      {state.step === "done" && (
        <Alert tone="success">
          <p className="font-semibold">{state.result.message}</p>
          <Link href="/projects" className="mt-2 inline-block text-brand-600 hover:underline">
            {t("ledger.viewLedger")}
          </Link>
        </Alert>
      )}
    </div>
  );
}
