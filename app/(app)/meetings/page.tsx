import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { type MeetingRow, findMeetingOfMonth, listMeetings, listReadableScopes } from "@/lib/server/meetings/list-meetings";
import { DataTable, EmptyState, TitleCell } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { meetingMonth } from "@/components/meetings/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("meetings");
  return { title: t("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** 每月会商: a park's (or region's) meetings by month, the way to prepare this month's, and 我的跟踪事项. */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const [scopes, t, locale] = await Promise.all([listReadableScopes(actor), getT("meetings"), getRequestLocale()]);
  if (scopes.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState>
          {t("list.noScopesBefore")}
          <Link href="/meetings/tasks" className="text-brand-600 hover:underline">
            {t("list.myTasks")}
          </Link>
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
      <PageHeader title={t("title")} subtitle={t("list.subtitle")}>
        <Link href="/meetings/tasks" className={buttonClass({ variant: "secondary" })}>
          {t("list.myTasks")}
        </Link>
      </PageHeader>
      {scopes.length > 1 && (
        <FilterBar action="/meetings" aria-label={t("list.scopeFilter")} reset="/meetings">
          <FilterSelect label={t("list.scope")} name="scope" value={scope} options={scopes.map((s) => [s.key, s.name] as const)} allLabel={null} />
        </FilterBar>
      )}
      <p className="no-print my-3 text-sm">
        {current ? (
          <Link href={`/meetings/${current}`} className="text-brand-600 hover:underline">
            {t("list.openMeeting", { month: meetingMonth(locale, `${month}-01`) })}
          </Link>
        ) : (
          <Link href={`/meetings/new?scope=${scope}&month=${month}`} className={buttonClass({})}>
            {t("list.prepare", { month: meetingMonth(locale, `${month}-01`) })}
          </Link>
        )}
      </p>
      <DataTable<MeetingRow>
        caption={t("list.caption", { scope: list.scopeName })}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("list.empty")}
        columns={[
          { header: t("list.meeting"), cell: (r) => <TitleCell href={`/meetings/${r.id}`} title={r.title} sub={meetingMonth(locale, r.month)} /> },
          { header: t("list.meetingDate"), cell: (r) => r.meetingDate ?? "—" },
          { header: t("list.status"), cell: (r) => t(`status.${r.status}`) },
          { header: t("list.items"), numeric: true, cell: (r) => r.items },
          { header: t("list.decisions"), numeric: true, cell: (r) => r.decisions },
          { header: t("list.openTasks"), numeric: true, cell: (r) => r.openTasks },
        ]}
      />
      <Pagination basePath="/meetings" params={{ scope }} page={list.page} pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))} total={list.total} />
    </>
  );
}
