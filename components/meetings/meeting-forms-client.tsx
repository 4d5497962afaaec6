"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { addAgendaItemAction } from "@/lib/actions/meetings/add-agenda-item";
import { completeTaskAction } from "@/lib/actions/meetings/complete-task";
import { recordAttendanceAction } from "@/lib/actions/meetings/record-attendance";
import { recordDecisionAction } from "@/lib/actions/meetings/record-decision";
import { removeAgendaItemAction } from "@/lib/actions/meetings/remove-agenda-item";
import { TASK_WORKDAYS_MAX, TASK_WORKDAYS_MIN } from "@/lib/domain/meetings";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export interface PersonOption {
  id: number;
  name: string;
  unit: string | null;
}

/** 增加其他议题 to an agenda not yet held. */
export function AddItemForm({ meetingId }: { meetingId: number }) {
  const t = useTranslations("meetings.forms");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const title = String(new FormData(form).get("title") ?? "");
    submit(
      () => addAgendaItemAction({ meetingId, title }),
      () => {
        form.reset();
        router.refresh();
        return t("itemAdded");
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="no-print space-y-2" noValidate aria-label={t("addItem")}>
      <TextField label={t("addItemLabel")} name="title" errors={errors} maxLength={200} />
      <FormFooter notice={notice} pending={pending} submitLabel={t("addItem")} />
    </form>
  );
}

/** 移出议程 (an item without a decision, before the meeting). */
export function RemoveItemButton({ itemId, title }: { itemId: number; title: string }) {
  const t = useTranslations("meetings.forms");
  const router = useRouter();
  return (
    <span className="no-print">
      <ConfirmActionButton
        label={t("remove")}
        pendingLabel={t("removing")}
        confirm={t("removeConfirm", { title })}
        aria-label={t("removeAria", { title })}
        action={async () => {
          const r = await removeAgendaItemAction({ itemId });
          router.refresh();
          return r;
        }}
      />
    </span>
  );
}

/** 议定事项 on an item with its follow-up tasks (each an owner and a deadline in working days). */
export function DecisionForm({ itemId, people }: { itemId: number; people: PersonOption[] }) {
  const t = useTranslations("meetings.forms");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  const [rows, setRows] = useState(1);
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "");
    // Rows left blank are not sent; `kept` maps the server's task index back to the form's row.
    const all = Array.from({ length: rows }, (_, i) => ({ row: i, title: s(`tasks.${i}.title`), ownerId: s(`tasks.${i}.ownerId`), workdays: s(`tasks.${i}.workdays`) }));
    const kept = all.filter((t) => t.title.trim() !== "" || t.ownerId !== "");
    const tasks = kept.map(({ title, ownerId, workdays }) => ({ title, ownerId, workdays }));
    submit(
      () => recordDecisionAction({ itemId, text: s("text"), tasks }),
      (r) => {
        router.refresh();
        return r.deadlines.length > 0 ? t("decisionSavedWithDeadlines", { deadlines: r.deadlines.join(t("deadlineSeparator")) }) : t("decisionSaved");
      },
      { mapFieldErrors: (errs) => Object.fromEntries(Object.entries(errs).map(([k, v]) => [k.replace(/^tasks\.(\d+)\./, (_, n: string) => `tasks.${kept[Number(n)]?.row ?? n}.`), v])) },
    );
  }
  return (
    <form onSubmit={onSubmit} className="no-print mt-2 space-y-3 rounded border border-slate-200 p-3" noValidate aria-label={t("decisionAria")}>
      <Field label={t("decision")} name="text" errors={errors} compact>
        <textarea name="text" rows={3} maxLength={2000} className={INPUT_CLASS} />
      </Field>
      {Array.from({ length: rows }, (_, i) => (
        <fieldset key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr_8rem]">
          <legend className="text-xs text-slate-500">{t("taskLegend", { n: i + 1 })}</legend>
          <TextField label={t("taskTitle")} name={`tasks.${i}.title`} errors={errors} maxLength={500} />
          <Field label={t("owner")} name={`tasks.${i}.ownerId`} errors={errors} hint={t("ownerHint")}>
            <select name={`tasks.${i}.ownerId`} className={INPUT_CLASS} defaultValue="">
              <option value="">{t("choose")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.unit ? t("personUnit", { unit: p.unit }) : ""}
                </option>
              ))}
            </select>
          </Field>
          <TextField label={t("workdays")} name={`tasks.${i}.workdays`} type="number" min={TASK_WORKDAYS_MIN} max={TASK_WORKDAYS_MAX} defaultValue={10} errors={errors} />
        </fieldset>
      ))}
      <Button type="button" variant="secondary" size="sm" onClick={() => setRows((n) => Math.min(n + 1, 20))}>
        {t("addTask")}
      </Button>
      <FormFooter notice={notice} pending={pending} submitLabel={t("saveDecision")} />
    </form>
  );
}

/** 参会人员 (people of the scope, plus others "姓名 单位" one per line) and the date: marks the meeting held. */
export function AttendanceForm({ meetingId, people, chosen, meetingDate, location, external }: { meetingId: number; people: PersonOption[]; chosen: number[]; meetingDate: string | null; location: string | null; external: string }) {
  const t = useTranslations("meetings.forms");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const others = String(f.get("external") ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .map((l) => {
        const [name, ...unit] = l.split(/\s+/);
        return { name, unit: unit.join(" ") };
      });
    submit(
      () => recordAttendanceAction({ meetingId, meetingDate: String(f.get("meetingDate") ?? ""), location: String(f.get("location") ?? ""), userIds: f.getAll("userIds").map(String), external: others }),
      () => {
        router.refresh();
        return t("attendanceSaved");
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="no-print space-y-3" noValidate aria-label={t("attendanceAria")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("meetingDate")} name="meetingDate" type="date" defaultValue={meetingDate ?? ""} errors={errors} />
        <TextField label={t("location")} name="location" defaultValue={location ?? ""} maxLength={100} errors={errors} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("scopePeople")}</legend>
        <div className="mt-1 grid max-h-60 gap-1 overflow-y-auto sm:grid-cols-3">
          {people.map((p) => (
            <label key={p.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="userIds" value={p.id} defaultChecked={chosen.includes(p.id)} />
              {p.name}
              {p.unit ? <span className="text-xs text-slate-500">{p.unit}</span> : null}
            </label>
          ))}
        </div>
        {errors.userIds && <p className="text-sm text-red-600">{errors.userIds.join(t("errorSeparator"))}</p>}
      </fieldset>
      <Field label={t("external")} name="external" errors={errors}>
        <textarea name="external" rows={3} defaultValue={external} className={INPUT_CLASS} />
      </Field>
      <FormFooter notice={notice} pending={pending} submitLabel={t("saveAttendance")} />
    </form>
  );
}

/** The words of CompleteTaskFormClient, from the server (it is on other parts' pages too, whose providers may not hold the meetings messages). */
export interface CompleteTaskLabels {
  aria: string;
  note: string;
  submit: string;
  done: string;
}

/** 办结 a follow-up task with a note (owner or leader); CompleteTaskForm in ./meeting-forms gives it its words. */
export function CompleteTaskFormClient({ taskId, labels }: { taskId: number; labels: CompleteTaskLabels }) {
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const note = String(new FormData(e.currentTarget).get("note") ?? "");
    submit(
      () => completeTaskAction({ taskId, note }),
      () => {
        router.refresh();
        return labels.done;
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="no-print mt-1 flex flex-wrap items-end gap-2" noValidate aria-label={labels.aria}>
      <TextField label={labels.note} name="note" errors={errors} maxLength={1000} className="min-w-60 flex-1" />
      <Button type="submit" size="sm" pending={pending}>
        {labels.submit}
      </Button>
      {notice && <span className={`text-sm ${notice.kind === "error" ? "text-red-600" : "text-emerald-700"}`}>{notice.text}</span>}
    </form>
  );
}
