"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { inSentence } from "@/lib/i18n/format";
import { todayInShanghai } from "@/lib/domain/dates";
import { endAssignmentAction } from "@/lib/actions/enterprises/end-assignment";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

/**
 * Ends an enterprise's 包保责任人 or 包保领导 without a successor. The enterprise then shows
 * as uncovered on 挂牌公示 until someone is assigned.
 */
export function EndAssignmentForm({ assignmentId, holderName, roleLabel, startDate, onClose }: { assignmentId: number; holderName: string; roleLabel: string; startDate: string; onClose: () => void }) {
  const t = useTranslations("enterprises.assignment");
  const locale = useLocale();
  const tu = useTranslations("ui");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  const today = todayInShanghai();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    submit(
      () => endAssignmentAction({ assignmentId, endDate: f.get("endDate"), reason: f.get("reason") }),
      () => {
        onClose();
        router.refresh();
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded border border-red-200 bg-red-50/40 p-3" aria-label={t("endLabel", { role: inSentence(locale, roleLabel) })} data-testid="end-assignment-form">
      <p className="text-xs text-slate-700">
        {t("endIntro", { name: holderName, role: inSentence(locale, roleLabel) })}
      </p>
      <Field label={t("endDate")} name="endDate" errors={errors} compact>
        <input type="date" name="endDate" min={startDate} max={today} defaultValue={today} className={input} />
      </Field>
      <Field label={t("endReason")} name="reason" errors={errors} compact>
        <input name="reason" maxLength={500} className={input} placeholder={t("endReasonPlaceholder")} />
      </Field>
      {notice && (
        <Alert as="p" tone={notice.kind}>
          {notice.text}
        </Alert>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" size="sm" pending={pending}>
          {pending ? tu("saving") : t("confirmEnd")}
        </Button>
        <Button type="button" onClick={onClose} variant="secondary" size="sm">
          {tu("cancel")}
        </Button>
      </div>
    </form>
  );
}
