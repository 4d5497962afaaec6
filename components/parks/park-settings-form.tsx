"use client";

import { useState, useTransition } from "react";
import { parkSettingsSchema, type ParkSettings } from "@/lib/validation/park-settings";
import { fieldErrors } from "@/lib/validation/project";
import { updateParkSettingsAction } from "@/app/(app)/parks/[parkId]/settings/actions";

const FIELDS: [keyof ParkSettings, string, string][] = [
  ["staleDaysSigned", "签约后未落地，超过（天）", "默认 90 天"],
  ["staleDaysLanded", "落地后未开工，超过（天）", "默认 180 天"],
  ["staleDaysStarted", "开工后未投产，超过（天）", "默认 365 天"],
  ["visitIntervalDays", "包保走访间隔（天）", "默认 30 天"],
];

export function ParkSettingsForm({ parkId, initial }: { parkId: number; initial: ParkSettings }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(e.currentTarget).entries());
    const parsed = parkSettingsSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage({ ok: false, text: "请检查标红的字段" });
      return;
    }
    start(async () => {
      const result = await updateParkSettingsAction(parkId, parsed.data);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { ok: true, text: "已保存" } : { ok: false, text: result.message });
    });
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      {FIELDS.map(([name, label, hint]) => (
        <label key={name} className="block text-sm" htmlFor={name}>
          <span className="text-slate-700">{label}</span>
          <input id={name} name={name} type="number" min={1} defaultValue={initial[name]} className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5" aria-invalid={errors[name] ? true : undefined} />
          <span className="ml-3 text-xs text-slate-500">{hint}</span>
          {errors[name]?.map((m) => (
            <span key={m} className="mt-1 block text-xs text-red-600" data-field-error={name}>
              {m}
            </span>
          ))}
        </label>
      ))}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-5 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "保存中…" : "保存"}
      </button>
    </form>
  );
}
