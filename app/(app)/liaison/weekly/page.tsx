import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getWeeklyList } from "@/lib/server/liaison/get-weekly-list";
import { formatDateZh } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { LiaisonIssuesTable, VisitsDueTable } from "@/components/liaison/liaison-lists";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "每周清单" };

export default async function WeeklyListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const user = typeof sp.user === "string" ? sp.user : undefined;
  if (user !== undefined && !/^\d{1,9}$/.test(user)) notFound();
  const week = typeof sp.week === "string" ? sp.week : undefined;
  const list = await orNotFound(getWeeklyList(actor, { userId: user ? Number(user) : undefined, week }));
  return (
    <>
      <PageHeader title={`每周清单 · ${list.liaison.name}`} subtitle={`${formatDateZh(list.week.monday)} — ${formatDateZh(list.week.sunday)}，含此前逾期未办事项（生成于 ${list.today}）`}>
        <PrintButton />
      </PageHeader>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">本周到期的问题（{list.issues.length}）</h2>
        <LiaisonIssuesTable rows={list.issues} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">本周应走访的企业（{list.visits.length}）</h2>
        <VisitsDueTable rows={list.visits} showActions={false} />
      </section>
      {list.truncated && <p className="mt-3 text-sm text-amber-700">清单过长，仅列出前 500 项</p>}
    </>
  );
}
