import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { defaultMeetingTitle, monthStart, parseScopeKey } from "@/lib/domain/meetings";
import { buildAgenda } from "@/lib/server/meetings/build-agenda";
import { findMeetingOfMonth } from "@/lib/server/meetings/list-meetings";
import { PrepareMeetingForm } from "@/components/meetings/prepare-meeting-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { meetingMonth } from "@/components/meetings/labels";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("meetings");
  return { title: t("new.metaTitle") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** 准备会商议程: the candidates built from the record now; the leader keeps, drops and adds, then freezes the agenda. */
export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const scope = parseScopeKey(one(sp.scope));
  const month = monthStart(one(sp.month));
  if (!scope || !month) notFound();
  const key = `${scope.kind}:${scope.id}`;
  const existing = await orNotFound(findMeetingOfMonth(actor, key, month));
  if (existing) redirect(`/meetings/${existing}`);
  const { scope: s, candidates } = await orNotFound(buildAgenda(actor, scope, month));
  const [t, locale] = await Promise.all([getT("meetings"), getRequestLocale()]);
  return (
    <>
      <div className="no-print mb-3 text-sm">
        <Link href={`/meetings?scope=${key}`} className="text-brand-600 hover:underline">
          {t("backToList")}
        </Link>
      </div>
      <PageHeader title={t("new.title", { month: meetingMonth(locale, month) })} subtitle={t("new.subtitle", { scope: s.name })} />
      <Card>
        <ClientMessages locale={locale} namespaces={["meetings"]}>
          <PrepareMeetingForm scope={key} month={month.slice(0, 7)} defaultTitle={defaultMeetingTitle(s.name, month)} candidates={candidates.map((c) => ({ key: c.key, kind: c.kind, title: c.title, reason: translateMessage(c.reason, locale), parkName: c.parkName }))} />
        </ClientMessages>
      </Card>
    </>
  );
}
