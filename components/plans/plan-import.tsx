"use client";

import Link from "next/link";
import { useState } from "react";
import type { PlanImportPreview } from "@/lib/server/excel/plans-import";
import type { PlanSheetIssue } from "@/lib/validation/year-plans";
import { type UploadPhase, uploadFile } from "@/components/import/upload";
import { RowProblemTable } from "@/components/import/row-problem-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

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
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "busy";
  const qs = `park=${parkId}&year=${year}`;

  async function run(action: "preview" | "commit") {
    if (!file) return;
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", action, phase });
    onPhase({ kind: "sending", percent: 0 });
    const res = await uploadFile<PlanImportPreview & { message: string }>(`/api/plans/import/${action}?${qs}`, file, onPhase);
    if (!res.ok) {
      setState({ step: "failed", message: res.body.message ?? (action === "preview" ? "检查失败，请重试" : "导入失败，请重试"), errors: Array.isArray(res.body.errors) ? (res.body.errors as PlanSheetIssue[]) : undefined });
    } else setState(action === "preview" ? { step: "preview", preview: res.data } : { step: "done", result: res.data });
  }

  const preview = state.step === "preview" ? state.preview : null;
  const blocked = !preview || preview.errors.length > 0 || preview.set + preview.removed === 0;

  return (
    <div className="space-y-4">
      <Section title="第一步：导出计划表，在 Excel 中填写" labelled>
        <p className="mb-3 text-sm text-slate-600">
          导出的计划表列出 {parkName}可列入 {year} 年计划的全部项目（已列入的在前）。按项目编号逐行填写“本年计划投资（万元）”，“计划本年开工”“计划本年投产”填“是”或“否”；三项都留空表示不列入 {year}{" "}
          年计划（已有的计划会被移出）。其他列仅供查看，导入时不读取。
        </p>
        <a href={`/api/plans/export?${qs}`} download className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
          导出 {year} 年计划表（.xlsx）
        </a>
      </Section>

      <Section title="第二步：上传并检查" labelled>
        <div className="flex flex-wrap items-center gap-3">
          <label className={`inline-flex items-center gap-3 text-sm ${busy ? "opacity-50" : "cursor-pointer"}`}>
            <span className="rounded border border-slate-300 bg-slate-50 px-3 py-2 hover:bg-slate-100">选择文件…</span>
            <span className={file ? "text-slate-800" : "text-slate-500"}>{file ? `${file.name}（${(file.size / 1024).toFixed(0)} KB）` : "尚未选择文件"}</span>
            <input
              type="file"
              name="file"
              aria-label="选择计划表文件"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setState({ step: "idle" });
                e.target.value = "";
              }}
              className="sr-only"
            />
          </label>
          <Button type="button" onClick={() => run("preview")} disabled={!file || busy}>
            上传并检查
          </Button>
        </div>
        {state.step === "busy" && (
          <p className="mt-3 text-sm text-slate-600" role="status">
            {state.phase.kind === "sending" ? `正在上传 ${state.phase.percent}%` : state.action === "preview" ? "已上传，正在逐行检查…" : "已上传，正在写入（全部成功或全部不写入）…"}
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
        <Section title="第三步：核对结果，确认导入" labelled>
          <p className="mb-3 text-sm text-slate-700" data-testid="plan-import-summary">
            读取 {preview.rows} 行：设置或修改 <strong>{preview.set}</strong> 项，移出计划 <strong>{preview.removed}</strong> 项，与系统一致 {preview.unchanged} 项
            {preview.errors.length > 0 && (
              <>
                ，<strong className="text-red-700">问题 {preview.errors.length} 个</strong>
              </>
            )}
            。
          </p>
          {preview.errors.length > 0 ? (
            <div className="mb-4">
              <p className="mb-2 text-sm text-red-800" role="alert">
                请在 Excel 中修改以下问题后重新上传；有问题时不会导入任何内容。
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
                { header: "行号", cell: (c) => c.row, className: "tabular-nums" },
                { header: "项目", cell: (c) => `${c.code} ${c.name}` },
                { header: "原计划", cell: (c) => c.before, className: "text-slate-500" },
                { header: "导入后", cell: (c) => <strong>{c.after}</strong> },
              ]}
            />
          ) : (
            <p className="mb-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" role="status">
              计划表与系统中的 {year} 年计划一致，无需导入。
            </p>
          )}
          {preview.changes.length < preview.set + preview.removed && <p className="mb-3 text-xs text-slate-500">仅列出前 {preview.changes.length} 项修改。</p>}
          <Button type="button" tone="success" onClick={() => run("commit")} disabled={blocked}>
            {blocked ? "确认导入" : `确认导入 ${preview.set + preview.removed} 项修改`}
          </Button>
        </Section>
      )}

      {state.step === "done" && (
        <Alert tone="success" testId="plan-import-done">
          <p className="font-semibold">{state.result.message}</p>
          <Link href={`/plans?${qs}`} className="mt-2 inline-block text-brand-600 hover:underline">
            查看 {year} 年度计划 →
          </Link>
        </Alert>
      )}
    </div>
  );
}
