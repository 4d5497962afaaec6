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
import { taskStateKey } from "@/components/meetings/labels";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("meetings");
  return { title: t("tasks.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const STATUS = [
  ["OPEN", "statusOpen"],
  ["DONE", "statusDone"],
  ["ALL", "statusAll"],
] as const;

/** 我的跟踪事项: the follow-up tasks of meetings the signed-in person owns, overdue in red, 办结 with a note. */
export default async function MyTasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const status = STATUS.some(([k]) => k === one(sp.status)) ? one(sp.status)! : "OPEN";
  const list = await orNotFound(listMyTasks(actor, { status, page: one(sp.page) }));
  const t = await getT("meetings");
  return (
    <>
      <PageHeader title={t("tasks.title")} subtitle={list.overdue > 0 ? t("tasks.subtitleOverdue", { count: list.overdue }) : t("tasks.subtitle")} />
      <FilterBar action="/meetings/tasks" aria-label={t("tasks.filter")} reset="/meetings/tasks">
        <FilterSelect label={t("tasks.status")} name="status" value={status} options={STATUS.map(([k, v]) => [k, t(`tasks.${v}`)] as const)} allLabel={null} />
      </FilterBar>
      <DataTable<MyTaskRow>
        caption={t("tasks.title")}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("tasks.empty")}
        columns={[
          {
            header: t("tasks.task"),
            cell: (r) => (
              <div data-testid="my-task">
                <div className="font-medium">{r.title}</div>
                <div className="text-xs text-slate-500">{t("tasks.decision", { text: r.decisionText })}</div>
                {r.status === "OPEN" && <CompleteTaskForm taskId={r.id} title={r.title} />}
                {r.doneNote && <div className="text-xs text-slate-600">{t("tasks.doneNote", { note: r.doneNote })}</div>}
              </div>
            ),
          },
          {
            header: t("tasks.belongsTo"),
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
            header: t("tasks.meeting"),
            cell: (r) => (
              <Link href={`/meetings/${r.meetingId}`} className="text-brand-600 hover:underline">
                {r.meetingTitle}
              </Link>
            ),
          },
          { header: t("tasks.deadline"), cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{r.deadline}</span> },
          { header: t("tasks.status"), cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{t(`taskState.${taskStateKey(r)}`)}</span> },
        ]}
      />
      <Pagination basePath="/meetings/tasks" params={{ status }} page={list.page} pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))} total={list.total} />
    </>
  );
}
