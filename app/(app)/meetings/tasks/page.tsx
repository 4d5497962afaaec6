import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { type MyTaskRow, listMyTasks } from "@/lib/server/meetings/list-meetings";
import { CompleteTaskForm } from "@/components/meetings/meeting-forms";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "我的跟踪事项" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const STATUS = [
  ["OPEN", "办理中"],
  ["DONE", "已办结"],
  ["ALL", "全部"],
] as const;

/** 我的跟踪事项: the follow-up tasks of meetings the signed-in person owns, overdue in red, 办结 with a note. */
export default async function MyTasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = STATUS.some(([k]) => k === one(sp.status)) ? one(sp.status)! : "OPEN";
  const list = await orNotFound(listMyTasks(actor, { status, page: one(sp.page) }));
  return (
    <>
      <PageHeader title="我的跟踪事项" subtitle={`每月会商议定、由您负责的跟踪事项${list.overdue > 0 ? `；${list.overdue} 项已超期` : ""}。未办结的事项自动列入下月会商议程`} />
      <FilterBar action="/meetings/tasks" aria-label="筛选跟踪事项" reset="/meetings/tasks">
        <FilterSelect label="状态" name="status" value={status} options={STATUS.map(([k, v]) => [k, v] as const)} allLabel={null} />
      </FilterBar>
      <DataTable<MyTaskRow>
        caption="我的跟踪事项"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty="没有跟踪事项"
        columns={[
          {
            header: "跟踪事项",
            cell: (r) => (
              <div data-testid="my-task">
                <div className="font-medium">{r.title}</div>
                <div className="text-xs text-slate-500">议定事项：{r.decisionText}</div>
                {r.status === "OPEN" && <CompleteTaskForm taskId={r.id} title={r.title} />}
                {r.doneNote && <div className="text-xs text-slate-600">办理情况：{r.doneNote}</div>}
              </div>
            ),
          },
          {
            header: "所属",
            cell: (r) =>
              r.issueId ? (
                <Link href={`/issues/${r.issueId}`} className="text-brand-600 hover:underline">
                  {r.issueTitle}
                </Link>
              ) : r.projectId ? (
                <Link href={`/projects/${r.projectId}`} className="text-brand-600 hover:underline">
                  {r.projectName}
                </Link>
              ) : (
                "—"
              ),
          },
          {
            header: "会商",
            cell: (r) => (
              <Link href={`/meetings/${r.meetingId}`} className="text-brand-600 hover:underline">
                {r.meetingTitle}
              </Link>
            ),
          },
          { header: "办理时限", cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{r.deadline}</span> },
          { header: "状态", cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{r.stateLabel}</span> },
        ]}
      />
      <Pagination basePath="/meetings/tasks" params={{ status }} page={list.page} pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))} total={list.total} />
    </>
  );
}
