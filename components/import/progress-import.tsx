"use client";

import { useState } from "react";
import type { ProgressImportPreview, ProgressImportResult } from "@/lib/server/excel/progress-import";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { type UploadPhase, uploadFile } from "./upload";
import { RowProblemTable } from "./row-problem-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

type State =
  | { step: "idle" }
  | { step: "busy"; label: string; phase: UploadPhase }
  | { step: "failed"; message: string; errors?: RowIssue[] }
  | { step: "preview"; preview: ProgressImportPreview }
  | { step: "done"; result: ProgressImportResult };

const PAGE = 50;

/** Monthly figures (月度填报) from one sheet of projects × months: filed and corrected through the filing rules, all or nothing. */
export function ProgressImport() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const [page, setPage] = useState(0);
  const busy = state.step === "busy";

  async function run(action: "preview" | "commit") {
    if (!file) return;
    const checked = state.step === "preview" ? state.preview : undefined;
    const label = action === "preview" ? "正在检查月报…" : "正在写入月报（全部成功或全部不写入）…";
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", label, phase });
    onPhase({ kind: "sending", percent: 0 });
    if (action === "preview") {
      const res = await uploadFile<ProgressImportPreview>("/api/import/progress/preview", file, onPhase);
      setPage(0);
      setState(res.ok ? { step: "preview", preview: res.data } : { step: "failed", message: res.body.message ?? "检查失败，请重试" });
    } else {
      const res = await uploadFile<ProgressImportResult>("/api/import/progress/commit", file, onPhase, checked ? { expected: checked.expected } : {});
      setState(
        res.ok
          ? { step: "done", result: res.data }
          : { step: "failed", message: res.body.message ?? "导入失败，请重试", errors: Array.isArray(res.body.errors) ? (res.body.errors as RowIssue[]) : undefined },
      );
    }
  }

  const preview = state.step === "preview" ? state.preview : null;
  const total = preview ? preview.toFile + preview.toCorrect : 0;
  const pages = preview ? Math.max(1, Math.ceil(preview.months.length / PAGE)) : 1;

  return (
    <Section title="月度进度导入（月报）" labelled>
      <p className="mb-3 text-sm text-slate-600">
        一行一个项目的一个月份：本月完成投资、本月到位资金（万元）、形象进度和存在问题。按月度填报的规则检查（月份已结束、不早于开工、已定稿通报的月份不能直接修改）；
        已填报的月份按表中数字更正，记入更正记录。从项目页或月度填报导出的文件也可以导入。
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <a href="/api/import/progress/template" className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50" download>
          下载上月月报模板（.xlsx）
        </a>
        <label className={`inline-flex items-center gap-3 text-sm ${busy ? "opacity-50" : "cursor-pointer"}`}>
          <span className="rounded border border-slate-300 bg-slate-50 px-3 py-2 hover:bg-slate-100">选择月报文件…</span>
          <span className={file ? "text-slate-800" : "text-slate-500"}>{file ? file.name : "尚未选择文件"}</span>
          <input
            type="file"
            aria-label="选择月报 Excel 文件"
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
          检查月报
        </Button>
      </div>
      {state.step === "busy" && (
        <p className="mt-3 text-sm text-slate-600" role="status">
          {state.phase.kind === "sending" ? `正在上传 ${state.phase.percent}%` : state.label}
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
            读取 {preview.rows} 行：新填报 {preview.toFile} 个月，更正 {preview.toCorrect} 个月，{preview.unchanged} 行与已填报的一致，问题 {preview.errors.length} 个。
            {preview.ignoredColumns.length > 0 && <span className="text-xs text-slate-500">（忽略的列：{preview.ignoredColumns.join("、")}）</span>}
          </p>
          {preview.errors.length > 0 ? (
            <RowProblemTable issues={preview.errors} />
          ) : total === 0 ? (
            <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">没有需要更新的内容：{preview.unchanged} 行与已填报的月报一致，无需导入。</p>
          ) : null}
          {preview.months.length > 0 && (
            <>
              <DataTable
                aria-label="将填报或更正的月份"
                rows={preview.months.slice(page * PAGE, page * PAGE + PAGE)}
                rowKey={(m) => `${m.projectId}-${m.month}`}
                frameClassName="rounded border border-slate-200"
                columns={[
                  { header: "行号", cell: (m) => m.row, className: "tabular-nums align-top" },
                  { header: "项目", cell: (m) => `${m.name}（${m.code}）`, className: "align-top" },
                  { header: "月份", cell: (m) => `${m.month}${m.kind === "correct" ? "（更正）" : ""}`, className: "align-top" },
                  {
                    header: "原值 → 新值",
                    cell: (m) => (
                      <ul>
                        {m.changes.map((c) => (
                          <li key={c.field}>
                            <span className="text-slate-500">{c.column}：</span>
                            {c.before ?? "（空）"} → <span className="font-medium text-emerald-800">{c.after ?? "（空）"}</span>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              {pages > 1 && (
                <nav aria-label="月报列表分页" className="flex items-center gap-2 text-sm">
                  <span className="text-slate-500">第 {page + 1}/{pages} 页</span>
                  <Button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} variant="secondary" size="sm">
                    上一页
                  </Button>
                  <Button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} variant="secondary" size="sm">
                    下一页
                  </Button>
                </nav>
              )}
            </>
          )}
          <Button type="button" tone="success" onClick={() => run("commit")} disabled={preview.errors.length > 0 || total === 0}>
            {preview.errors.length > 0 || total === 0 ? "确认导入月报" : `确认导入月报（${total} 个月）`}
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
