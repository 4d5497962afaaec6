import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { MEETING_STATUS_LABELS, monthLabel } from "@/lib/domain/meetings";
import { type MeetingRow, findMeetingOfMonth, listMeetings, listReadableScopes } from "@/lib/server/meetings/list-meetings";
import { DataTable, EmptyState, TitleCell } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "每月会商" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** 每月会商: a park's (or region's) meetings by month, the way to prepare this month's, and 我的跟踪事项. */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const scopes = await listReadableScopes(actor);
  if (scopes.length === 0) {
    return (
      <>
        <PageHeader title="每月会商" />
        <EmptyState>
          您参加的会商跟踪事项见 <Link href="/meetings/tasks" className="text-brand-600 hover:underline">我的跟踪事项</Link>
        </EmptyState>
      </>
    );
  }
  const wanted = one(sp.scope);
  const scope = scopes.find((s) => s.key === wanted)?.key ?? scopes[scopes.length > 1 && scopes[0].key.startsWith("region:") ? 1 : 0].key;
  const month = todayInShanghai().slice(0, 7);
  const [list, current] = await Promise.all([orNotFound(listMeetings(actor, scope, one(sp.page))), findMeetingOfMonth(actor, scope, `${month}-01`)]);
  return (
    <>
      <PageHeader title="每月会商" subtitle="工委/管委（市州）每月会商：议程由三级或超期诉求、红灯、应开工未开工、阶段滞留项目和往期未完成的跟踪事项生成，议定事项和跟踪事项跟踪到办结">
        <Link href="/meetings/tasks" className={buttonClass({ variant: "secondary" })}>
          我的跟踪事项
        </Link>
      </PageHeader>
      {scopes.length > 1 && (
        <FilterBar action="/meetings" aria-label="选择会商范围" reset="/meetings">
          <FilterSelect label="范围" name="scope" value={scope} options={scopes.map((s) => [s.key, s.name] as const)} allLabel={null} />
        </FilterBar>
      )}
      <p className="no-print my-3 text-sm">
        {current ? (
          <Link href={`/meetings/${current}`} className="text-brand-600 hover:underline">
            {monthLabel(`${month}-01`)}会商 →
          </Link>
        ) : (
          <Link href={`/meetings/new?scope=${scope}&month=${month}`} className={buttonClass({})}>
            准备{monthLabel(`${month}-01`)}会商议程
          </Link>
        )}
      </p>
      <DataTable<MeetingRow>
        caption={`${list.scopeName}的会商`}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty="还没有会商记录"
        columns={[
          { header: "会商", cell: (r) => <TitleCell href={`/meetings/${r.id}`} title={r.title} sub={monthLabel(r.month)} /> },
          { header: "会议日期", cell: (r) => r.meetingDate ?? "—" },
          { header: "状态", cell: (r) => MEETING_STATUS_LABELS[r.status] },
          { header: "议题", numeric: true, cell: (r) => r.items },
          { header: "议定事项", numeric: true, cell: (r) => r.decisions },
          { header: "未办结跟踪事项", numeric: true, cell: (r) => r.openTasks },
        ]}
      />
      <Pagination basePath="/meetings" params={{ scope }} page={list.page} pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))} total={list.total} />
    </>
  );
}
