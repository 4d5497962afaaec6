"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { publishBulletinAction } from "@/lib/actions/bulletins/publish-bulletin";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { scopeNameIn } from "@/lib/domain/published-bulletins";

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
  /** "2026年10月" / "Oct 2026": the months up to it will be closed for filing. */
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
  const t = useTranslations("bulletin");
  const { errors, notice, pending, submit, clear } = useActionForm();
  const label = supersedes ? t("publish.correct") : t("publish.publish");
  const confirmLabel = supersedes ? t("publish.confirmCorrect") : t("publish.confirmPublish");
  const bulletin = t("scopeMonth", { scope: scopeNameIn(summary.scopeName, t("form.allParks")), month: summary.monthLabel });
  const closes = {
    month: summary.closesThrough,
    then: supersedes ? t("publish.keepOld") : t("publish.once"),
  };

  function publish() {
    submit(
      () => publishBulletinAction({ ...input, ...(supersedes ? { supersedes: supersedes.id, reason } : {}) }),
      (r) => {
        router.push(`/bulletin/published/${r.id}`);
        return supersedes ? t("publish.doneCorrected", { revision: r.revision }) : t("publish.done");
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
    <div className="no-print space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" role="group" aria-label={confirmLabel} data-testid="publish-confirm">
      <p className="font-semibold">
        {supersedes ? t("publish.headingCorrect", { bulletin, revision: supersedes.revision }) : t("publish.headingPublish", { bulletin })}
      </p>
      <ul className="list-disc space-y-0.5 pl-5">
        <li>{t("publish.indicators", { indicators: summary.indicators, signed: summary.signed })}</li>
        <li>{t("publish.ranking", { parks: summary.parks, rank: summary.rankLabel })}</li>
        <li>{t("publish.red", { red: summary.redProjects, overdue: summary.overdue })}</li>
        {summary.points && <li>{t("publish.points")}</li>}
        <li>{t("publish.corrections", { corrections: summary.corrections })}</li>
      </ul>
      <p>{summary.parks === 1 ? t("publish.closesOne", closes) : t("publish.closesMany", { ...closes, parks: summary.parks })}</p>
      {summary.unfiled !== null && summary.unfiled > 0 && (
        <p className="font-medium text-red-700" data-testid="publish-unfiled">
          {t("publish.unfiled", { month: summary.monthLabel, count: summary.unfiled })}
        </p>
      )}
      {supersedes && (
        <Field label={t("publish.reason")} name="reason" errors={errors}>
          <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} className={textarea} aria-invalid={errors.reason ? true : undefined} />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={publish} pending={pending}>
          {pending ? t("publish.pending") : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          {t("publish.cancel")}
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
