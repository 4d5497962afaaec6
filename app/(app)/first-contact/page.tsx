import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { ISSUE_STATUSES, type IssueStatus } from "@/lib/domain/issues";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { type FirstContactItem, myFirstContactWork } from "@/lib/server/first-contact/list-first-contact";
import { pageFrom } from "@/lib/validation/paging";
import { AcceptHandoffButton } from "@/components/first-contact/accept-handoff-button";
import { ReceiveIssueForm } from "@/components/first-contact/receive-issue-form";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("firstContact");
  return { title: t("title") };
}

/**
 * 首问责任: 我的待办 of first contact — hand-offs waiting for me to accept, the problems I received
 * that nobody has accepted yet (I stay accountable for them) — and the form to receive a problem
 * directly (电话, 窗口, 来信, 网上) without inventing a visit.
 */
export default async function FirstContactPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.write");
  const work = await myFirstContactWork(actor, pageFrom((await searchParams).page));
  const [t, tc, locale] = await Promise.all([getT("firstContact"), getT("common"), getRequestLocale()]);
  const status = (s: string) => ((ISSUE_STATUSES as readonly string[]).includes(s) ? tc(`enum.issueStatus.${s as IssueStatus}`) : s);
  const base = [
    { header: t("page.issue"), cell: (r: FirstContactItem) => <TitleCell href={`/issues/${r.id}`} title={r.title} sub={`${r.code} · ${r.enterpriseName}`} /> },
    { header: t("page.channel"), cell: (r: FirstContactItem) => t(`channel.${r.intakeChannel}`) },
    { header: t("page.receivedAt"), cell: (r: FirstContactItem) => formatDateTimeIn(locale, new Date(r.receivedAt)) },
    { header: t("page.deadline"), cell: (r: FirstContactItem) => r.resolveDeadline },
    { header: t("page.status"), cell: (r: FirstContactItem) => status(r.status) },
  ];
  return (
    <ClientMessages locale={locale} namespaces={["firstContact"]}>
      <PageHeader title={t("title")} subtitle={t("page.subtitle")} />
      <Section title={t("page.toAccept", { count: work.toAcceptTotal })} className="mb-5" testId="handoff-to-accept">
        <DataTable<FirstContactItem>
          caption={t("page.toAcceptCaption")}
          rows={work.toAccept}
          rowKey={(r) => r.id}
          empty={t("page.toAcceptEmpty")}
          columns={[...base, { header: t("page.receiver"), cell: (r) => r.receiverName ?? "—" }, { header: "", label: t("page.actions"), stacked: "plain", cell: (r) => <AcceptHandoffButton issueId={r.id} /> }]}
        />
      </Section>
      <Section title={t("page.received", { count: work.receivedTotal })} className="mb-5" testId="handoff-received">
        <DataTable<FirstContactItem>
          caption={t("page.receivedCaption")}
          rows={work.received}
          rowKey={(r) => r.id}
          empty={t("page.receivedEmpty")}
          columns={[...base, { header: t("page.responsible"), cell: (r) => r.responsibleName ?? "—" }]}
        />
        <Pagination basePath="/first-contact" params={{}} page={work.page} pageCount={work.pageCount} total={work.receivedTotal} />
      </Section>
      <Section title={t("page.receive")} testId="receive-issue">
        <ReceiveIssueForm />
        <p className="mt-2 text-xs text-slate-500">
          {t("page.visitsBefore")}
          <Link href="/visits/new" className="text-brand-600 hover:underline">
            {t("page.visitsLink")}
          </Link>
          {t("page.visitsAfter")}
        </p>
      </Section>
    </ClientMessages>
  );
}
