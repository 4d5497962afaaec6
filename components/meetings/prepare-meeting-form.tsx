"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { prepareMeetingAction } from "@/lib/actions/meetings/prepare-meeting";
import type { MeetingItemKind } from "@/lib/domain/meetings";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export interface CandidateOption {
  key: string;
  kind: Exclude<MeetingItemKind, "FREE">;
  title: string;
  reason: string;
  parkName: string;
}

/**
 * 定稿议程: every candidate from the record (checked: on the agenda), free items one per line,
 * the meeting's name, date and place. Submitting freezes the agenda.
 */
export function PrepareMeetingForm({ scope, month, defaultTitle, candidates }: { scope: string; month: string; defaultTitle: string; candidates: CandidateOption[] }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  const kinds = [...new Set(candidates.map((c) => c.kind))];

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "");
    const include = f.getAll("include").map(String);
    const freeItems = s("freeItems")
      .split("\n")
      .map((t) => t.trim())
      .filter((t) => t !== "");
    submit(
      () => prepareMeetingAction({ scope, month, title: s("title"), meetingDate: s("meetingDate"), location: s("location"), include, freeItems }),
      (r) => {
        router.push(`/meetings/${r.id}`);
        return t("prepare.done");
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={t("prepare.aria")}>
      <TextField label={t("prepare.name")} name="title" errors={errors} defaultValue={defaultTitle} maxLength={100} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("prepare.plannedDate")} name="meetingDate" type="date" errors={errors} />
        <TextField label={t("prepare.location")} name="location" errors={errors} maxLength={100} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-700">{t("prepare.items")}</legend>
        {candidates.length === 0 && <p className="text-sm text-slate-500">{t("prepare.noCandidates")}</p>}
        {kinds.map((k) => (
          <div key={k}>
            <h3 className="text-sm font-medium text-slate-600">{t(`kind.${k}`)}</h3>
            <ul className="mt-1 space-y-1">
              {candidates
                .filter((c) => c.kind === k)
                .map((c) => (
                  <li key={c.key}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="include" value={c.key} defaultChecked className="mt-1" aria-label={t("prepare.include", { title: c.title })} />
                      <span>
                        <span className="font-medium">{c.title}</span>
                        <span className="ml-2 text-xs text-slate-500">
                          {c.parkName} · {c.reason}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {errors.include && <p className="text-sm text-red-600">{errors.include.join(t("forms.errorSeparator"))}</p>}
      </fieldset>
      <Field label={t("prepare.freeItems")} name="freeItems" errors={errors}>
        <textarea name="freeItems" rows={3} className={INPUT_CLASS} />
      </Field>
      <FormFooter notice={notice} pending={pending} submitLabel={t("prepare.submit")} />
    </form>
  );
}
