"use client";

import { useRouter } from "next/navigation";
import { updateParkAction } from "@/lib/actions/org/update-park";
import { updateRegionAction } from "@/lib/actions/org/update-region";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

/** Archives or restores a park or region (never deletes it). */
export function ArchiveButton({ kind, id, archived }: { kind: "park" | "region"; id: number; archived: boolean }) {
  const router = useRouter();
  const { notice, pending, submit } = useActionForm();
  const noun = kind === "park" ? "园区" : "市州";
  const run = () =>
    submit(
      () => (kind === "park" ? updateParkAction(id, { archived: !archived }) : updateRegionAction(id, { archived: !archived })),
      () => {
        router.refresh();
        return archived ? `${noun}已恢复` : `${noun}已归档`;
      },
    );
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {archived
          ? `已归档：不出现在选择列表中，不能新增记录；历史记录和统计数字保留。`
          : `归档后该${noun}不再出现在选择列表中，也不能新增记录；已有的项目、历史和统计数字全部保留，可随时恢复。`}
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={run}
        className={`rounded border px-3 py-1.5 text-sm disabled:opacity-60 ${archived ? "border-emerald-300 text-emerald-800 hover:bg-emerald-50" : "border-amber-300 text-amber-800 hover:bg-amber-50"}`}
      >
        {archived ? `恢复${noun}` : `归档${noun}`}
      </button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
