"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteHolidayAction } from "@/lib/actions/holidays/delete-holiday";
import { upsertHolidayAction } from "@/lib/actions/holidays/upsert-holiday";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { useActionForm } from "@/components/ui/use-action-form";

const field = "mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * Adds one calendar day. A date already in the calendar is changed instead (the server
 * upserts); `existing` lets the message say which happened.
 */
export function HolidayForm({ year, existing }: { year: number; existing: string[] }) {
  const router = useRouter();
  const t = useTranslations("admin.holidays");
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = { date: String(f.get("date") ?? ""), kind: f.get("kind") || undefined, name: String(f.get("name") ?? "") };
    submit(
      () => upsertHolidayAction(input),
      (row) => {
        formRef.current?.reset();
        const rowYear = Number(row.date.slice(0, 4));
        if (rowYear !== year) router.push(`/admin/holidays?year=${rowYear}`);
        const values = { date: row.date, kind: t(`kind.${row.kind}`), name: row.name };
        return existing.includes(row.date) ? t("form.updated", values) : t("form.added", values);
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("form.aria")} className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <Field label={t("form.date")} name="date" errors={errors}>
        <input id="holiday-date" name="date" type="date" className={field} />
      </Field>
      <Field label={t("form.kind")} name="kind" errors={errors}>
        <select id="holiday-kind" name="kind" defaultValue="HOLIDAY" className={field}>
          <option value="HOLIDAY">{t("kind.HOLIDAY")}</option>
          <option value="WORKDAY">{t("form.weekendOnly", { kind: t("kind.WORKDAY") })}</option>
        </select>
      </Field>
      <Field label={t("form.name")} name="name" errors={errors}>
        <input id="holiday-name" name="name" maxLength={30} placeholder={t("form.namePlaceholder")} className={`${field} w-64`} />
      </Field>
      <div className="flex flex-col gap-2 pt-6">
        <Button type="submit" pending={pending}>
          {pending ? t("form.saving") : t("form.add")}
        </Button>
      </div>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="holiday-message" className="basis-full">
          {notice.text}
        </Alert>
      )}
    </form>
  );
}

/** The table row's 删除, after a confirmation (which says so when it empties the year's calendar). */
export function DeleteHolidayButton({ date, name, lastOfYear = false }: { date: string; name: string; lastOfYear?: boolean }) {
  const t = useTranslations("admin.holidays.delete");
  const year = date.slice(0, 4);
  return (
    <ConfirmActionButton
      label={t("label")}
      pendingLabel={t("pending")}
      aria-label={t("aria", { date })}
      confirm={lastOfYear ? t("confirmLast", { date, name, year }) : t("confirm", { date, name })}
      action={() => deleteHolidayAction(date)}
    />
  );
}
