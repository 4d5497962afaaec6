"use client";

import Link from "next/link";
import { useState } from "react";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { formatWan } from "@/lib/domain/money";
import type { ImportPreview } from "@/lib/server/excel/preview-import";
import type { ImportResult } from "@/lib/server/excel/commit-import";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { type UploadPhase, uploadFile } from "./upload";
import { RowProblemTable } from "./row-problem-table";
import { UpdateTable } from "./update-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

type State =
  | { step: "idle" }
  | { step: "busy"; action: "preview" | "commit"; phase: UploadPhase }
  | { step: "failed"; message: string; errors?: RowIssue[] }
  | { step: "preview"; preview: ImportPreview }
  | { step: "done"; result: ImportResult };


function ProgressBar({ action, phase }: { action: "preview" | "commit"; phase: UploadPhase }) {
  const sending = phase.kind === "sending";
  const label = sending ? `正在上传 ${phase.percent}%` : action === "preview" ? "已上传，正在逐行检查…" : "已上传，正在写入（全部成功或全部不写入）…";
  return (
    <div className="mt-3" role="status" aria-live="polite">
      <div className="mb-1 text-sm text-slate-600">{label}</div>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={sending ? phase.percent : undefined} aria-label={label}>
        <div className={`h-full bg-brand-600 transition-all ${sending ? "" : "animate-pulse"}`} style={{ width: sending ? `${phase.percent}%` : "100%" }} />
      </div>
    </div>
  );
}

export function LedgerImport({ maxRows }: { maxRows: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "busy";

  async function run(action: "preview" | "commit") {
    if (!file) return;
    const checked = state.step === "preview" ? state.preview : undefined;
    setState({ step: "busy", action, phase: { kind: "sending", percent: 0 } });
    const onPhase = (phase: UploadPhase) => setState({ step: "busy", action, phase });
    if (action === "preview") {
      const res = await uploadFile<ImportPreview>("/api/import/preview", file, onPhase);
      setState(res.ok ? { step: "preview", preview: res.data } : { step: "failed", message: res.body.message ?? "检查失败，请重试" });
    } else {
      // The versions the preview saw: a project changed since is refused instead of overwritten.
      const res = await uploadFile<ImportResult>("/api/import/commit", file, onPhase, checked ? { expected: checked.expected } : {});
      setState(
        res.ok
          ? { step: "done", result: res.data }
          : { step: "failed", message: res.body.message ?? "导入失败，请重试", errors: Array.isArray(res.body.errors) ? (res.body.errors as RowIssue[]) : undefined },
      );
    }
  }

  const preview = state.step === "preview" ? state.preview : null;
  const blocked = !preview || preview.errors.length > 0 || preview.toCreate + preview.toUpdate === 0;
  const confirmLabel = preview
    ? [preview.toCreate > 0 ? `新增 ${preview.toCreate.toLocaleString("zh-CN")} 个` : null, preview.toUpdate > 0 ? `更新 ${preview.toUpdate.toLocaleString("zh-CN")} 个` : null].filter(Boolean).join("、")
    : "";

  return (
    <div className="space-y-4">
      <Section title="第一步：下载模板，按模板填写" labelled>
        <p className="mb-3 text-sm text-slate-600">
          红色表头为必填列；「填写说明」工作表列出每一列的要求。已有项目按「项目编号」（没有编号时按「所属园区 + 项目名称 + 投资主体」）找到并更新，其余行新增为项目；
          从「项目台账」导出的文件改好后可以直接导入，表中没有的列不会改动。单位为亿元的表请先换算为万元。表头上方可以有标题，表头可以是两行（合并的分组标题在上、列名在下）。
          一次最多 {maxRows.toLocaleString("zh-CN")} 行，文件不超过 10 MB。
        </p>
        <a href="/api/import/template" className="inline-block rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50" download>
          下载台账模板（.xlsx）
        </a>
      </Section>

      <Section title="第二步：上传文件并检查" labelled>
        <div className="flex flex-wrap items-center gap-3">
          {/* The native button speaks the browser's language; this one speaks Chinese. */}
          <label className={`inline-flex items-center gap-3 text-sm ${busy ? "opacity-50" : "cursor-pointer"}`}>
            <span className="rounded border border-slate-300 bg-slate-50 px-3 py-2 hover:bg-slate-100">选择文件…</span>
            <span className={file ? "text-slate-800" : "text-slate-500"}>{file ? `${file.name}（${(file.size / 1024).toFixed(0)} KB）` : "尚未选择文件"}</span>
            <input
              type="file"
              name="file"
              aria-label="选择 Excel 文件"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setState({ step: "idle" });
                // Choosing the same file again (after editing it) must fire onChange.
                e.target.value = "";
              }}
              className="sr-only"
            />
          </label>
          <Button
            type="button"
            onClick={() => run("preview")}
            disabled={!file || busy}
          >
            上传并检查
          </Button>
        </div>
        {state.step === "busy" && <ProgressBar action={state.action} phase={state.phase} />}
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
      </Section>

      {preview && (
        <Section title="第三步：核对检查结果，确认导入" labelled>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
            {[
              ["读取行数", preview.rows, "text-slate-900"],
              [preview.errors.length > 0 ? "通过检查的新项目" : "将新增项目", preview.toCreate, "text-emerald-700"],
              [preview.errors.length > 0 ? "通过检查的更新" : "将更新项目", preview.toUpdate, "text-brand-700"],
              ["与现有项目一致（跳过）", preview.unchanged, "text-slate-600"],
              ["问题", preview.errors.length, preview.errors.length > 0 ? "text-red-700" : "text-slate-600"],
            ].map(([label, value, color]) => (
              <div key={label as string} className="rounded border border-slate-200 p-3">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className={`text-2xl font-semibold tabular-nums ${color}`}>{(value as number).toLocaleString("zh-CN")}</dd>
              </div>
            ))}
          </dl>
          <p className="mb-3 text-xs text-slate-500">
            表头在{preview.headerRows[0] === preview.headerRows[1] ? `第 ${preview.headerRows[1]} 行` : `第 ${preview.headerRows[0]}–${preview.headerRows[1]} 行`}，数据从第 {preview.headerRows[1] + 1} 行起。
            {preview.ignoredColumns.length > 0 && <>以下列仅供查看或无法识别，导入时忽略：{preview.ignoredColumns.join("、")}</>}
          </p>
          {preview.errors.length > 0 ? (
            <div className="mb-4">
              <p className="mb-2 text-sm text-red-800" role="alert">
                表格中有 {preview.errors.length} 个问题，请在 Excel 中修改后重新上传；有问题时不会导入任何内容。
              </p>
              <RowProblemTable issues={preview.errors} />
            </div>
          ) : preview.toCreate + preview.toUpdate === 0 ? (
            <p className="mb-4 rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" role="status">
              没有需要更新的内容：{preview.unchanged} 行与现有项目一致，无需导入。
            </p>
          ) : (
            <p className="mb-3 text-sm text-emerald-800" role="status">
              检查通过。确认后全部写入（任何一处失败则全部不写入）；每个项目的修改都记入其操作记录。
            </p>
          )}
          {preview.toUpdate > 0 && (
            <div className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">将更新的项目（{preview.toUpdate.toLocaleString("zh-CN")} 个）</h3>
              <UpdateTable updates={preview.updates} total={preview.toUpdate} />
            </div>
          )}
          {preview.toCreate > 0 && (
            <div className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">将新增的项目（{preview.toCreate.toLocaleString("zh-CN")} 个{preview.toCreate > preview.sample.length ? `，列出前 ${preview.sample.length} 个` : ""}）</h3>
              <DataTable
                rows={preview.sample}
                rowKey={(s) => s.row}
                frameClassName="rounded border border-slate-200"
                columns={[
                  { header: "行号", cell: (s) => s.row, className: "tabular-nums" },
                  { header: "所属园区", cell: (s) => s.parkName },
                  { header: "项目名称", cell: (s) => s.name },
                  { header: "投资主体", cell: (s) => s.enterpriseName },
                  { header: "当前阶段", cell: (s) => STAGE_LABELS[s.stage as Stage] ?? s.stage },
                  { header: "总投资", cell: (s) => formatWan(s.totalInvestment), numeric: true },
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
            {blocked ? "确认导入" : `确认导入（${confirmLabel}）`}
          </Button>
          {preview.errors.length > 0 && <span className="ml-3 text-xs text-slate-500">请先修改全部问题</span>}
        </Section>
      )}

      {state.step === "done" && (
        <Alert tone="success">
          <p className="font-semibold">{state.result.message}</p>
          <Link href="/projects" className="mt-2 inline-block text-brand-600 hover:underline">
            查看项目台账 →
          </Link>
        </Alert>
      )}
    </div>
  );
}
