import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { INTAKE_CHANNEL_LABELS } from "@/lib/domain/first-contact";
import { ISSUE_STATUS_LABELS } from "@/lib/domain/issues";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { type FirstContactItem, myFirstContactWork } from "@/lib/server/first-contact/list-first-contact";
import { pageFrom } from "@/lib/validation/paging";
import { AcceptHandoffButton } from "@/components/first-contact/accept-handoff-button";
import { ReceiveIssueForm } from "@/components/first-contact/receive-issue-form";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";

export const metadata: Metadata = { title: "首问受理" };

const when = (iso: string) => formatDateTimeZh(new Date(iso));

/**
 * 首问责任: 我的待办 of first contact — hand-offs waiting for me to accept, the problems I received
 * that nobody has accepted yet (I stay accountable for them) — and the form to receive a problem
 * directly (电话, 窗口, 来信, 网上) without inventing a visit.
 */
export default async function FirstContactPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.write");
  const work = await myFirstContactWork(actor, pageFrom((await searchParams).page));
  const base = [
    { header: "问题", cell: (r: FirstContactItem) => <TitleCell href={`/issues/${r.id}`} title={r.title} sub={`${r.code} · ${r.enterpriseName}`} /> },
    { header: "来源", cell: (r: FirstContactItem) => INTAKE_CHANNEL_LABELS[r.intakeChannel] },
    { header: "受理时间", cell: (r: FirstContactItem) => when(r.receivedAt) },
    { header: "办结时限", cell: (r: FirstContactItem) => r.resolveDeadline },
    { header: "状态", cell: (r: FirstContactItem) => ISSUE_STATUS_LABELS[r.status] },
  ];
  return (
    <>
      <PageHeader title="首问受理" subtitle="企业通过电话、窗口、来信或网上反映的问题，由首先受理的人登记（首问责任人），移交负责人接收前始终由首问责任人负责跟进" />
      <Section title={`待我接收（${work.toAcceptTotal}）`} className="mb-5" testId="handoff-to-accept">
        <DataTable<FirstContactItem>
          caption="待我接收的首问移交"
          rows={work.toAccept}
          rowKey={(r) => r.id}
          empty="没有待您接收的首问移交"
          columns={[...base, { header: "首问责任人", cell: (r) => r.receiverName ?? "—" }, { header: "", label: "操作", stacked: "plain", cell: (r) => <AcceptHandoffButton issueId={r.id} /> }]}
        />
      </Section>
      <Section title={`我受理、待对方接收（${work.receivedTotal}）`} className="mb-5" testId="handoff-received">
        <DataTable<FirstContactItem>
          caption="我受理、待对方接收的问题"
          rows={work.received}
          rowKey={(r) => r.id}
          empty="您受理的问题均已被负责人接收"
          columns={[...base, { header: "待接收人", cell: (r) => r.responsibleName ?? "—" }]}
        />
        <Pagination basePath="/first-contact" params={{}} page={work.page} pageCount={work.pageCount} total={work.receivedTotal} />
      </Section>
      <Section title="直接受理企业问题" testId="receive-issue">
        <ReceiveIssueForm />
        <p className="mt-2 text-xs text-slate-500">
          走访中收集的问题请在{" "}
          <Link href="/visits/new" className="text-brand-600 hover:underline">
            登记走访
          </Link>{" "}
          中一并登记。
        </p>
      </Section>
    </>
  );
}
