import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getWeeklyList } from "@/lib/server/liaison/get-weekly-list";
import { formatDateIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { LiaisonIssuesTable, VisitsDueTable } from "@/components/liaison/liaison-lists";
import { PrintButton } from "@/components/ui/print-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("liaison");
  return { title: t("weekly.title") };
}

export default async function WeeklyListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const user = typeof sp.user === "string" ? sp.user : undefined;
  if (user !== undefined && !/^\d{1,9}$/.test(user)) notFound();
  const week = typeof sp.week === "string" ? sp.week : undefined;
  const list = await orNotFound(getWeeklyList(actor, { userId: user ? Number(user) : undefined, week }));
  const [t, locale] = await Promise.all([getT("liaison"), getRequestLocale()]);
  return (
    <>
      <PageHeader
        title={t("weekly.heading", { name: list.liaison.name })}
        subtitle={t("weekly.subtitle", { from: formatDateIn(locale, list.week.monday), to: formatDateIn(locale, list.week.sunday), today: list.today })}
      >
        <PrintButton label={t("weekly.print")} />
      </PageHeader>
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("weekly.issues", { count: list.issues.length })}</h2>
        <LiaisonIssuesTable rows={list.issues} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("weekly.visits", { count: list.visits.length })}</h2>
        <VisitsDueTable rows={list.visits} showActions={false} />
      </section>
      {list.truncated && <p className="mt-3 text-sm text-amber-700">{t("weekly.truncated")}</p>}
    </>
  );
}
