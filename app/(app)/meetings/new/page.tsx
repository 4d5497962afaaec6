import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { defaultMeetingTitle, monthLabel, monthStart, parseScopeKey } from "@/lib/domain/meetings";
import { buildAgenda } from "@/lib/server/meetings/build-agenda";
import { findMeetingOfMonth } from "@/lib/server/meetings/list-meetings";
import { PrepareMeetingForm } from "@/components/meetings/prepare-meeting-form";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/section";

export const metadata: Metadata = { title: "准备会商议程" };

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
  return (
    <>
      <div className="no-print mb-3 text-sm">
        <Link href={`/meetings?scope=${key}`} className="text-brand-600 hover:underline">
          ← 每月会商
        </Link>
      </div>
      <PageHeader title={`准备${monthLabel(month)}会商议程`} subtitle={`${s.name}：候选议题按今天的台账生成；定稿后议程固定，台账再变化也不会改动议程`} />
      <Card>
        <PrepareMeetingForm scope={key} month={month.slice(0, 7)} defaultTitle={defaultMeetingTitle(s.name, month)} candidates={candidates.map((c) => ({ key: c.key, kind: c.kind, title: c.title, reason: c.reason, parkName: c.parkName }))} />
      </Card>
    </>
  );
}
