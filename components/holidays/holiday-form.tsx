"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { deleteHolidayAction } from "@/lib/actions/holidays/delete-holiday";
import { upsertHolidayAction } from "@/lib/actions/holidays/upsert-holiday";
import { HOLIDAY_KIND_LABELS } from "@/lib/domain/labels";
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
        return `${existing.includes(row.date) ? "已更新" : "已添加"}：${row.date} ${HOLIDAY_KIND_LABELS[row.kind]}（${row.name}）`;
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="添加节假日" className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <Field label="日期" name="date" errors={errors}>
        <input id="holiday-date" name="date" type="date" className={field} />
      </Field>
      <Field label="类型" name="kind" errors={errors}>
        <select id="holiday-kind" name="kind" defaultValue="HOLIDAY" className={field}>
          <option value="HOLIDAY">{HOLIDAY_KIND_LABELS.HOLIDAY}</option>
          <option value="WORKDAY">{HOLIDAY_KIND_LABELS.WORKDAY}（周六或周日）</option>
        </select>
      </Field>
      <Field label="名称" name="name" errors={errors}>
        <input id="holiday-name" name="name" maxLength={30} placeholder="如：国庆节、国庆节调休上班" className={`${field} w-64`} />
      </Field>
      <div className="flex flex-col gap-2 pt-6">
        <Button type="submit" pending={pending}>
          {pending ? "保存中…" : "添加"}
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
  const year = date.slice(0, 4);
  return (
    <ConfirmActionButton
      label="删除"
      pendingLabel="删除中…"
      aria-label={`删除 ${date}`}
      confirm={
        lastOfYear
          ? `确定删除 ${date}（${name}）吗？这是 ${year} 年录入的最后一天：删除后 ${year} 年视为未录入节假日安排，落在该年的工作日期限将无法计算。`
          : `确定删除 ${date}（${name}）吗？删除后该日按普通工作日或周末计算。`
      }
      action={() => deleteHolidayAction(date)}
    />
  );
}
