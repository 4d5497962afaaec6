"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { CarryMode } from "@/lib/domain/year-plans";
import { carryOverPlansAction } from "@/lib/actions/plans/carry-over-plans";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * 确认结转: sends back the projects the preview listed, so the carry-over writes exactly what
 * was shown (if plans or progress changed meanwhile it is refused and the preview reloads).
 */
export function CarryOverConfirm({ parkId, year, mode, projectIds }: { parkId: number; year: number; mode: CarryMode; projectIds: number[] }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { notice, pending, submit } = useActionForm();
  const none = projectIds.length === 0;
  return (
    <div className="no-print mt-4 flex flex-wrap items-center gap-3" data-testid="carry-confirm">
      {!done && (
        <Button
          type="button"
          tone="success"
          pending={pending}
          disabled={none}
          onClick={() => {
            if (!window.confirm(`确定把 ${projectIds.length} 个项目的未完成计划结转到 ${year + 1} 年吗？已有 ${year + 1} 年计划的项目不受影响。`)) return;
            submit(
              () => carryOverPlansAction({ parkId, year, mode, projectIds }),
              (r) => {
                setDone(true);
                return `已结转 ${r.carried} 个项目到 ${r.toYear} 年计划${r.kept ? `；${r.kept} 个项目已有 ${r.toYear} 年计划，未覆盖` : ""}`;
              },
              { onError: (f) => f.code === "CONFLICT" && router.refresh() },
            );
          }}
        >
          {pending ? "结转中…" : none ? "没有需要结转的计划" : `确认结转 ${projectIds.length} 个项目`}
        </Button>
      )}
      {notice && (
        <Alert as="div" tone={notice.kind} className="w-full" testId="carry-notice">
          {notice.text}
          {done && (
            <Link href={`/plans?park=${parkId}&year=${year + 1}`} className="ml-2 text-brand-700 hover:underline">
              查看 {year + 1} 年度计划 →
            </Link>
          )}
        </Alert>
      )}
    </div>
  );
}
