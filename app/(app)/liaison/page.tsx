import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getLiaisonOverview } from "@/lib/server/liaison/get-liaison-overview";
import { getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { DigestSummary } from "@/components/digest/digest-view";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { PageHeader } from "@/components/ui/page-header";
import { StageBadge } from "@/components/ui/stage-badge";
import { LiaisonIssuesTable, VisitsDueTable } from "@/components/liaison/liaison-lists";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { CompleteTaskForm } from "@/components/meetings/meeting-forms";

export const metadata: Metadata = { title: "我的包保" };

function Stat({ label, value, tone }: { label: string; value: number; tone?: "red" }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 sm:px-4 sm:py-3">
      <div className="whitespace-nowrap text-xs text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "red" && value > 0 ? "text-red-600" : "text-slate-900"}`}>{value}</div>
    </div>
  );
}

export default async function LiaisonPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const user = typeof sp.user === "string" ? sp.user : undefined;
  if (user !== undefined && !/^\d{1,9}$/.test(user)) notFound();
  const o = await orNotFound(getLiaisonOverview(actor, { userId: user ? Number(user) : undefined }));
  const title = o.self ? "我的包保" : `${o.liaison.name}的包保`;
  // 我的待办 today (督办 to answer, 首问 hand-offs to accept …), on one's own page only.
  const digest = o.self ? await getDailyDigest(actor, o.today) : null;
  return (
    <>
      <PageHeader title={title} subtitle={`${o.liaison.name}${o.liaison.unit ? ` · ${o.liaison.unit}` : ""}${o.liaison.phone ? ` · ${o.liaison.phone}` : ""} · 截至 ${o.today}`}>
        <div className="no-print flex gap-2">
          <Link href={`/liaison/weekly${user ? `?user=${user}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            每周清单
          </Link>
          <Link
            href={o.self ? "/points/events?period=year" : `/points/events?period=year&earner=LIAISON&user=${o.liaison.id}`}
            className={buttonClass({ variant: "secondary" })}
            data-testid="liaison-points-link"
          >
            {o.self ? "我的积分" : "积分明细"}
          </Link>
          {o.self && (
            <Link href="/visits/new" className={buttonClass()}>
              登记走访
            </Link>
          )}
        </div>
      </PageHeader>
      {digest && <DigestSummary d={digest} />}
      <div className="mb-6 grid grid-cols-3 gap-2 sm:gap-3 md:grid-cols-4 lg:grid-cols-9" data-testid="liaison-counts">
        <Stat label="包保项目" value={o.counts.projects} />
        <Stat label="包保企业" value={o.counts.enterprises} />
        <Stat label="应走访" value={o.counts.visitsDue} />
        <Stat label="走访逾期" value={o.counts.visitsOverdue} tone="red" />
        <Stat label="近30天走访" value={o.counts.visitsLast30Days} />
        <Stat label="未办结问题" value={o.counts.openIssues} />
        <Stat label="问题逾期" value={o.counts.overdueIssues} tone="red" />
        <Stat label="会商事项" value={o.counts.openTasks} />
        <Stat label="事项超期" value={o.counts.overdueTasks} tone="red" />
      </div>

      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">未办结问题（逾期在前）</h2>
        <LiaisonIssuesTable rows={o.issues} />
      </section>
      {o.counts.openTasks > 0 && (
        <section className="mb-6" data-testid="liaison-tasks">
          <h2 className="mb-2 text-lg font-semibold">会商跟踪事项（到期在前）</h2>
          <DataTable
            caption="会商跟踪事项"
            rows={o.tasks}
            rowKey={(t) => t.id}
            columns={[
              {
                header: "跟踪事项",
                cell: (t) => (
                  <div>
                    <div className="font-medium">{t.title}</div>
                    <div className="text-xs text-slate-500">议定事项：{t.decisionText}</div>
                    {o.self && <CompleteTaskForm taskId={t.id} title={t.title} />}
                  </div>
                ),
              },
              {
                header: "所属",
                cell: (t) =>
                  t.issueId ? (
                    <Link href={`/issues/${t.issueId}`} className="text-brand-600 hover:underline">
                      {t.issueTitle}
                    </Link>
                  ) : t.projectId ? (
                    <Link href={`/projects/${t.projectId}`} className="text-brand-600 hover:underline">
                      {t.projectName}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              {
                header: "会商",
                cell: (t) => (
                  <Link href={`/meetings/${t.meetingId}`} className="text-brand-600 hover:underline">
                    {t.meetingTitle}
                  </Link>
                ),
              },
              {
                header: "办理时限",
                cell: (t) => <span className={`tabular-nums ${t.overdue ? "font-medium text-red-600" : ""}`}>{t.overdue ? `${t.deadline} 已超期` : t.deadline}</span>,
              },
            ]}
          />
          {o.counts.openTasks > o.tasks.length && <p className="mt-2 text-xs text-slate-500">仅显示前 {o.tasks.length} 项，共 {o.counts.openTasks} 项</p>}
          {o.self && (
            <Link href="/meetings/tasks" className="mt-2 inline-block text-sm text-brand-600 hover:underline">
              全部跟踪事项
            </Link>
          )}
        </section>
      )}
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">应走访企业（每 {o.parks.map((p) => p.visitIntervalDays).join("/")} 天至少一次）</h2>
        <VisitsDueTable rows={o.visitsDue} showActions={o.self} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">包保项目</h2>
        <DataTable
          testId="liaison-projects"
          rows={o.projects}
          rowKey={(p) => p.assignmentId}
          columns={[
            {
              header: "项目",
              cell: (p) => (
                <Link href={`/projects/${p.projectId}`} className="font-medium hover:text-brand-600" title={`${STAGE_LABELS[p.stage]}（${p.stageDate}）`}>
                  {p.name}
                </Link>
              ),
            },
            { header: "企业", cell: (p) => p.enterpriseName, className: "text-slate-600" },
            { header: "园区", cell: (p) => p.parkName, className: "text-slate-600" },
            { header: "阶段", cell: (p) => <StageBadge stage={p.stage} status={p.status} /> },
            { header: "包保起始", cell: (p) => p.since, className: "tabular-nums text-slate-600" },
          ]}
        />
        {o.counts.projects > o.projects.length && <p className="mt-2 text-xs text-slate-500">仅显示前 {o.projects.length} 个，共 {o.counts.projects} 个</p>}
      </section>
    </>
  );
}
