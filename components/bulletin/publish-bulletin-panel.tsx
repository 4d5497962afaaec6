"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { publishBulletinAction } from "@/lib/actions/bulletins/publish-bulletin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

/** What publishing will freeze, shown in the confirm step. */
export interface FreezeSummary {
  scopeName: string;
  monthLabel: string;
  rankLabel: string;
  indicators: number;
  parks: number;
  signed: number;
  redProjects: number;
  overdue: number;
  corrections: number;
  /** Started projects of the scope that have not filed the month (null: not counted). */
  unfiled: number | null;
  /** "2026年10月": the months up to it will be closed for filing. */
  closesThrough: string;
  /** 积分考核 is part of the bulletin (BulletinParams.points). */
  points?: boolean;
}

const textarea = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/**
 * 定稿发布 (or 发布更正版 when `supersedes` is given): a button, then a confirm step that says
 * exactly what will be frozen and what closes, then the action; on success the published
 * bulletin opens.
 */
export function PublishBulletinPanel({
  input,
  summary,
  supersedes,
}: {
  input: { park?: number; region?: number; month: string; rank: string; points?: boolean };
  summary: FreezeSummary;
  supersedes?: { id: number; revision: number };
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const { errors, notice, pending, submit, clear } = useActionForm();
  const label = supersedes ? "发布更正版" : "定稿发布";

  function publish() {
    submit(
      () => publishBulletinAction({ ...input, ...(supersedes ? { supersedes: supersedes.id, reason } : {}) }),
      (r) => {
        router.push(`/bulletin/published/${r.id}`);
        return supersedes ? `已发布更正版（第 ${r.revision} 版）` : "已定稿发布";
      },
    );
  }

  if (!confirming) {
    return (
      <div className="no-print">
        <Button type="button" onClick={() => {
            clear();
            setConfirming(true);
          }} tone={supersedes ? "warning" : "neutral"} variant={supersedes ? "secondary" : "primary"}>
          {label}
        </Button>
      </div>
    );
  }
  return (
    <div className="no-print space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" role="group" aria-label={`确认${label}`} data-testid="publish-confirm">
      <p className="font-semibold">
        {supersedes ? `发布${summary.scopeName}${summary.monthLabel}通报的更正版（取代第 ${supersedes.revision} 版）` : `定稿发布${summary.scopeName}${summary.monthLabel}通报`}：以下内容将按此刻的数据冻结，此后台账的修改不再改变它。
      </p>
      <ul className="list-disc space-y-0.5 pl-5">
        <li>
          全部 {summary.indicators} 项指标（本月与上月），签约项目 {summary.signed} 个，以及每个数字背后的项目清单
        </li>
        <li>
          {summary.parks} 个园区的排名（按{summary.rankLabel}）与红榜、黑榜
        </li>
        <li>
          红灯项目 {summary.redProjects} 个、超期诉求 {summary.overdue} 件
        </li>
        {summary.points && <li>积分考核：各园区本月积分与包保责任人前 10 名</li>}
        <li>更正说明 {summary.corrections} 项</li>
      </ul>
      <p>
        定稿后，{summary.parks === 1 ? "该园区" : `这 ${summary.parks} 个园区`}{summary.closesThrough}及以前的月报关闭：再填报或更正须提交更正申请，经园区领导审批。
        {supersedes ? "旧版本保留，并注明已被更正版取代。" : "同一月份不能重复发布，如有错误只能发布更正版。"}
      </p>
      {summary.unfiled !== null && summary.unfiled > 0 && (
        <p className="font-medium text-red-700" data-testid="publish-unfiled">
          注意：{summary.monthLabel}尚有 {summary.unfiled} 个已开工项目未填报月报，定稿后只能经审批补报，且不计入本期通报。
        </p>
      )}
      {supersedes && (
        <Field label="更正原因（必填，将随更正版公布）" name="reason" errors={errors}>
          <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} className={textarea} aria-invalid={errors.reason ? true : undefined} />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={publish} pending={pending}>
          {pending ? "发布中…" : `确认${label}`}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          取消
        </Button>
      </div>
      {notice && (
        <Alert as="p" tone={notice.kind}>
          {notice.text}
        </Alert>
      )}
    </div>
  );
}
