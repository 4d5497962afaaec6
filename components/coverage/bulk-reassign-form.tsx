"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { inSentence } from "@/lib/i18n/format";
import type { AssignmentRole } from "@/lib/domain/coverage";
import type { BulkReassignResult } from "@/lib/server/assignments/bulk-reassign";
import { bulkReassignAction } from "@/lib/actions/assignments/bulk-reassign";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

export interface ReassignCandidate {
  id: number;
  name: string;
  unit: string | null;
  /** Active assignments of the role in the park. */
  activeCount: number;
}

type RoleChoice = AssignmentRole | "";

const ROLE_CHOICES: RoleChoice[] = ["LIAISON", "LEADER", ""];

const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";


/**
 * 包保移交: pick the park (reloads the page with that park's people), the role, who
 * leaves and who takes over; the server ends each active assignment on the handover date
 * and starts a copy for the successor.
 */
export function BulkReassignForm({
  parks,
  parkId,
  liaisons,
  leaders,
  today,
}: {
  parks: { id: number; name: string }[];
  parkId: number;
  liaisons: ReassignCandidate[];
  leaders: ReassignCandidate[];
  today: string;
}) {
  const t = useTranslations("coverage.handover");
  const tc = useTranslations("coverage");
  const who = (u: { name: string; unit: string | null }) => (u.unit ? tc("personWithUnit", { name: u.name, unit: u.unit }) : u.name);
  const roleLabel = (r: AssignmentRole) => t(`role.${r}`);
  const locale = useLocale();
  // Inside the sentence ("… current liaison assignments"): a small letter in English.
  const roleText = (r: RoleChoice) => (r === "" ? t("anyRole") : inSentence(locale, roleLabel(r)));
  const router = useRouter();
  const [role, setRole] = useState<RoleChoice>("LIAISON");
  const [fromId, setFromId] = useState("");
  const [toId, setToId] = useState("");
  const { errors, notice, pending, submit } = useActionForm();
  const [done, setDone] = useState<{ result: BulkReassignResult; from: string; to: string } | null>(null);

  // Who can hand over: people holding active assignments of the chosen role(s) here.
  const holders = useMemo(() => {
    const counts = new Map<number, { user: ReassignCandidate; liaison: number; leader: number }>();
    const add = (list: ReassignCandidate[], key: "liaison" | "leader") => {
      for (const u of list) {
        const entry = counts.get(u.id) ?? { user: u, liaison: 0, leader: 0 };
        entry[key] = u.activeCount;
        counts.set(u.id, entry);
      }
    };
    if (role !== "LEADER") add(liaisons, "liaison");
    if (role !== "LIAISON") add(leaders, "leader");
    return [...counts.values()].filter((e) => e.liaison + e.leader > 0);
  }, [role, liaisons, leaders]);

  const from = holders.find((h) => String(h.user.id) === fromId) ?? null;

  // Who can take over: eligible for every role the leaving person actually holds.
  const successors = useMemo(() => {
    const needLiaison = role === "LIAISON" || (role === "" && (from ? from.liaison > 0 : true));
    const needLeader = role === "LEADER" || (role === "" && (from ? from.leader > 0 : false));
    const leaderIds = new Set(leaders.map((u) => u.id));
    const base = needLiaison ? liaisons.filter((u) => !needLeader || leaderIds.has(u.id)) : leaders;
    return base.filter((u) => String(u.id) !== fromId);
  }, [role, from, fromId, liaisons, leaders]);

  const to = successors.find((u) => String(u.id) === toId) ?? null;
  const moving = from ? from.liaison + from.leader : 0;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (from && to && !window.confirm(t("confirm", { from: from.user.name, count: moving, to: to.name }))) return;
    const input = {
      parkId,
      role: role || undefined,
      fromUserId: fromId,
      toUserId: toId,
      startDate: String(f.get("startDate") ?? ""),
      department: String(f.get("department") ?? "") || null,
      note: String(f.get("note") ?? "") || null,
    };
    const names = { from: from?.user.name ?? "", to: to?.name ?? "" };
    submit(
      () => bulkReassignAction(input),
      (result) => {
        setDone({ result, ...names });
        setFromId("");
        setToId("");
      },
      { onError: () => setDone(null) },
    );
  }

  const otherErrors = Object.entries(errors).filter(([k]) => !["fromUserId", "toUserId", "startDate", "department", "note", "role"].includes(k));

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("field.parkId")} name="parkId" errors={errors}>
          <select
            id="reassign-park"
            value={parkId}
            disabled={parks.length < 2 || pending}
            onChange={(e) => router.push(`/coverage/reassign?park=${e.target.value}`)}
            className={field}
          >
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("field.role")} name="role" errors={errors}>
          <select
            id="reassign-role"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as RoleChoice);
              setFromId("");
              setToId("");
            }}
            className={field}
          >
            {ROLE_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v === "" ? t("both") : roleLabel(v)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("field.fromUserId")} name="fromUserId" errors={errors}>
          <select
            id="reassign-from"
            value={fromId}
            onChange={(e) => {
              setFromId(e.target.value);
              if (e.target.value === toId) setToId("");
            }}
            className={field}
          >
            <option value="">{holders.length === 0 ? t("noHolders") : t("choose")}</option>
            {holders.map((h) => (
              <option key={h.user.id} value={h.user.id}>
                {role === "" && h.liaison > 0 && h.leader > 0 ? t("holderBoth", { who: who(h.user), count: h.liaison + h.leader, liaison: h.liaison, leader: h.leader }) : t("holder", { who: who(h.user), count: h.liaison + h.leader })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("field.toUserId")} name="toUserId" errors={errors}>
          <select id="reassign-to" value={toId} onChange={(e) => setToId(e.target.value)} className={field}>
            <option value="">{successors.length === 0 ? t("noSuccessors") : t("choose")}</option>
            {successors.map((u) => (
              <option key={u.id} value={u.id}>
                {t("successor", { who: who(u), count: u.activeCount })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("field.startDate")} name="startDate" errors={errors} hint={t("field.startDateHint")}>
          <input id="reassign-date" name="startDate" type="date" defaultValue={today} max={today} className={field} />
        </Field>
        <Field label={t("field.department")} name="department" errors={errors}>
          <input id="reassign-department" name="department" maxLength={100} placeholder={t("field.departmentPlaceholder")} className={field} />
        </Field>
      </div>
      <Field label={t("field.note")} name="note" errors={errors}>
        <textarea id="reassign-note" name="note" rows={2} maxLength={500} placeholder={t("field.notePlaceholder")} className={field} />
      </Field>
      {from && (
        <p className="text-sm text-slate-600" data-testid="reassign-preview">
          {to ? t("previewTo", { from: from.user.name, role: roleText(role), count: moving, to: to.name }) : t("preview", { from: from.user.name, role: roleText(role), count: moving })}
        </p>
      )}
      {notice && (
        <Alert tone={notice.kind}>
          {notice.text}
          {otherErrors.map(([k, list]) => list.map((m) => <div key={`${k}${m}`}>{m}</div>))}
        </Alert>
      )}
      {done && (
        <Alert tone="success" testId="reassign-result">
          <p className="font-medium">
            {t("done", { count: done.result.count, to: done.to })}
            {done.from && <span className="ml-2 font-normal text-emerald-700">{t("doneFrom", { name: done.from })}</span>}
          </p>
          <ul className="mt-1 list-inside list-disc">
            {done.result.groups.map((g) => (
              <li key={`${g.parkId}-${g.role}`}>
                {t("group", { park: g.parkName, role: roleLabel(g.role), count: g.count })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Button type="submit" pending={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
