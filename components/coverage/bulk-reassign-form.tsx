"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { ASSIGNMENT_ROLE_LABEL, type AssignmentRole } from "@/lib/domain/coverage";
import { ASSIGNMENT_FIELD_LABELS as L } from "@/lib/validation/assignments";
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

const ROLE_CHOICES: [RoleChoice, string][] = [
  ["LIAISON", ASSIGNMENT_ROLE_LABEL.LIAISON],
  ["LEADER", ASSIGNMENT_ROLE_LABEL.LEADER],
  ["", "两者（包保责任人和包保领导）"],
];

const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

const who = (u: { name: string; unit: string | null }) => (u.unit ? `${u.name}（${u.unit}）` : u.name);

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
    if (from && to && !window.confirm(`确定将${from.user.name}的 ${moving} 项包保移交给${to.name}吗？`)) return;
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
    <form onSubmit={onSubmit} noValidate aria-label="包保移交" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={L.parkId} name="parkId" errors={errors}>
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
        <Field label={`移交的${L.role}`} name="role" errors={errors}>
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
            {ROLE_CHOICES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label={L.fromUserId} name="fromUserId" errors={errors}>
          <select
            id="reassign-from"
            value={fromId}
            onChange={(e) => {
              setFromId(e.target.value);
              if (e.target.value === toId) setToId("");
            }}
            className={field}
          >
            <option value="">{holders.length === 0 ? "本园区无人有在岗包保" : "请选择"}</option>
            {holders.map((h) => (
              <option key={h.user.id} value={h.user.id}>
                {`${who(h.user)} · 在岗 ${h.liaison + h.leader} 项${role === "" && h.liaison > 0 && h.leader > 0 ? `（责任人 ${h.liaison}，领导 ${h.leader}）` : ""}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={L.toUserId} name="toUserId" errors={errors}>
          <select id="reassign-to" value={toId} onChange={(e) => setToId(e.target.value)} className={field}>
            <option value="">{successors.length === 0 ? "本园区没有可接任的人员" : "请选择"}</option>
            {successors.map((u) => (
              <option key={u.id} value={u.id}>
                {`${who(u)} · 现有 ${u.activeCount} 项`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="交接日期" name="startDate" errors={errors} hint="原包保至该日结束，接任人员自该日起包保">
          <input id="reassign-date" name="startDate" type="date" defaultValue={today} max={today} className={field} />
        </Field>
        <Field label={`${L.department}（可选）`} name="department" errors={errors}>
          <input id="reassign-department" name="department" maxLength={100} placeholder="留空则沿用各项包保原有的责任单位" className={field} />
        </Field>
      </div>
      <Field label={`${L.note}（可选）`} name="note" errors={errors}>
        <textarea id="reassign-note" name="note" rows={2} maxLength={500} placeholder="如：原包保人员调岗" className={field} />
      </Field>
      {from && (
        <p className="text-sm text-slate-600" data-testid="reassign-preview">
          {`将移交 ${from.user.name} 在岗的${roleText(role)} ${moving} 项${to ? `给 ${to.name}` : ""}`}
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
            {`已将 ${done.result.count} 项包保移交给 ${done.to}`}
            {done.from && <span className="ml-2 font-normal text-emerald-700">（原包保人员：{done.from}）</span>}
          </p>
          <ul className="mt-1 list-inside list-disc">
            {done.result.groups.map((g) => (
              <li key={`${g.parkId}-${g.role}`}>
                {g.parkName} · {ASSIGNMENT_ROLE_LABEL[g.role]} {g.count} 项
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Button type="submit" pending={pending}>
        {pending ? "移交中…" : "移交"}
      </Button>
    </form>
  );
}

function roleText(role: RoleChoice): string {
  return role === "" ? "包保" : ASSIGNMENT_ROLE_LABEL[role];
}
