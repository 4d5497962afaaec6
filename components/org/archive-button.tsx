"use client";

import { useRouter } from "next/navigation";
import { updateParkAction } from "@/lib/actions/org/update-park";
import { updateRegionAction } from "@/lib/actions/org/update-region";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

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
      <Button
        type="button"
        onClick={run}
        variant="secondary"
        tone={archived ? "success" : "warning"}
        pending={pending}
      >
        {archived ? `恢复${noun}` : `归档${noun}`}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
