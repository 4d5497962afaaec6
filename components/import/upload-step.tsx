"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { type UploadPhase, uploadFile } from "./upload";
import { RowProblemTable } from "./row-problem-table";
import { XlsxFilePicker } from "./xlsx-file-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The steps every Excel import shares (the ledger, the monthly figures, a park's plan sheet):
// choose a file, upload it to check it (the preview: the import's own writes, rolled back),
// then confirm it, every row or none. The page shows the preview and the result its own way.

export type ImportAction = "preview" | "commit";

export type ImportState<P, R> =
  | { step: "idle" }
  | { step: "busy"; action: ImportAction; phase: UploadPhase }
  | { step: "failed"; message: string; errors?: RowIssue[] }
  | { step: "preview"; preview: P }
  | { step: "done"; result: R };

/**
 * The file chosen and where its import stands. `run("preview")` uploads it to `urls.preview`,
 * `run("commit")` to `urls.commit` with the versions the preview saw (`expected`, when the
 * preview has them: a project changed since is refused instead of overwritten). A refusal
 * shows the server's message and its rows' problems.
 */
export function useImportUpload<P extends object, R>(urls: Record<ImportAction, string>) {
  const t = useTranslations("importLedger.upload");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState<P, R>>({ step: "idle" });

  async function run(action: ImportAction) {
    if (!file) return;
    const checked = state.step === "preview" ? (state.preview as { expected?: unknown }) : undefined;
    const fields: Record<string, string> = action === "commit" && typeof checked?.expected === "string" ? { expected: checked.expected } : {};
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", action, phase });
    const texts = { serverError: (status: number) => t("serverError", { status }), network: t("network") };
    const res = await uploadFile<P | R>(urls[action], file, onPhase, texts, fields);
    if (!res.ok) {
      const errors = Array.isArray(res.body.errors) ? (res.body.errors as RowIssue[]) : undefined;
      setState({ step: "failed", message: res.body.message ?? (action === "preview" ? t("checkFailed") : t("importFailed")), errors });
    } else setState(action === "preview" ? { step: "preview", preview: res.data as P } : { step: "done", result: res.data as R });
  }

  function choose(f: File | null) {
    setFile(f);
    setState({ step: "idle" });
  }

  return { file, choose, state, busy: state.step === "busy", run };
}

/** How far the upload is: the bytes sent, then the server checking or writing. */
function UploadProgress({ action, phase, labels }: { action: ImportAction; phase: UploadPhase; labels: Record<ImportAction, string> }) {
  const t = useTranslations("importLedger.upload");
  const sending = phase.kind === "sending";
  const label = sending ? t("sending", { percent: phase.percent }) : labels[action];
  return (
    <div className="mt-3" role="status" aria-live="polite">
      <div className="mb-1 text-sm text-slate-600">{label}</div>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={sending ? phase.percent : undefined} aria-label={label}>
        <div className={`h-full bg-brand-600 transition-all ${sending ? "" : "animate-pulse"}`} style={{ width: sending ? `${phase.percent}%` : "100%" }} />
      </div>
    </div>
  );
}

/**
 * The file picker and the check button, then the upload's progress or its refusal.
 * `before`: what stands first in the row (the template's download link); `labels`: what the
 * server is doing once the file is sent (default: checking row by row, writing all or none).
 */
export function UploadStep<P extends object, R>({
  upload,
  checkLabel,
  chooseLabel,
  inputLabel,
  showSize,
  before,
  labels,
  errorTestId,
}: {
  upload: ReturnType<typeof useImportUpload<P, R>>;
  checkLabel: string;
  chooseLabel: string;
  inputLabel: string;
  showSize?: boolean;
  before?: React.ReactNode;
  labels?: Partial<Record<ImportAction, string>>;
  errorTestId?: string;
}) {
  const t = useTranslations("importLedger.upload");
  const { file, choose, state, busy, run } = upload;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        {before}
        <XlsxFilePicker file={file} busy={busy} showSize={showSize} chooseLabel={chooseLabel} noFileLabel={t("noFile")} inputLabel={inputLabel} onChoose={choose} />
        <Button type="button" onClick={() => run("preview")} disabled={!file || busy}>
          {checkLabel}
        </Button>
      </div>
      {state.step === "busy" && <UploadProgress action={state.action} phase={state.phase} labels={{ preview: labels?.preview ?? t("checking"), commit: labels?.commit ?? t("writing") }} />}
      {state.step === "failed" && (
        <Alert tone="error" className="mt-3" testId={errorTestId}>
          {state.message}
          {state.errors && state.errors.length > 0 && (
            <div className="mt-3">
              <RowProblemTable issues={state.errors} />
            </div>
          )}
        </Alert>
      )}
    </>
  );
}
