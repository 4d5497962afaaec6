import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getLiaisonOverview } from "@/lib/server/liaison/get-liaison-overview";
import { getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { DigestSummary } from "@/components/digest/digest-view";
import { getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { StageBadge } from "@/components/ui/stage-badge";
import { LiaisonIssuesTable, VisitsDueTable } from "@/components/liaison/liaison-lists";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { CompleteTaskForm } from "@/components/meetings/meeting-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("liaison");
  return { title: t("title") };
}

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
  const [t, tc] = await Promise.all([getT("liaison"), getT("common")]);
  const title = o.self ? t("title") : t("titleOf", { name: o.liaison.name });
  // 我的待办 today (督办 to answer, 首问 hand-offs to accept …), on one's own page only.
  const digest = o.self ? await getDailyDigest(actor, o.today) : null;
  return (
    <>
      <PageHeader title={title} subtitle={`${o.liaison.name}${o.liaison.unit ? ` · ${o.liaison.unit}` : ""}${o.liaison.phone ? ` · ${o.liaison.phone}` : ""} · ${t("asOf", { date: o.today })}`}>
        <div className="no-print flex gap-2">
          <Link href={`/liaison/weekly${user ? `?user=${user}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            {t("weeklyList")}
          </Link>
          <Link
            href={o.self ? "/points/events?period=year" : `/points/events?period=year&earner=LIAISON&user=${o.liaison.id}`}
            className={buttonClass({ variant: "secondary" })}
            data-testid="liaison-points-link"
          >
            {o.self ? t("myPoints") : t("pointsDetail")}
          </Link>
          {o.self && (
            <Link href="/visits/new" className={buttonClass()}>
              {t("logVisit")}
            </Link>
          )}
        </div>
      </PageHeader>
      {digest && <DigestSummary d={digest} />}
      <div className="mb-6 grid grid-cols-3 gap-2 sm:gap-3 md:grid-cols-4 lg:grid-cols-9" data-testid="liaison-counts">
        <Stat label={t("stat.projects")} value={o.counts.projects} />
        <Stat label={t("stat.enterprises")} value={o.counts.enterprises} />
        <Stat label={t("stat.visitsDue")} value={o.counts.visitsDue} />
        <Stat label={t("stat.visitsOverdue")} value={o.counts.visitsOverdue} tone="red" />
        <Stat label={t("stat.visitsLast30Days")} value={o.counts.visitsLast30Days} />
        <Stat label={t("stat.openIssues")} value={o.counts.openIssues} />
        <Stat label={t("stat.overdueIssues")} value={o.counts.overdueIssues} tone="red" />
        <Stat label={t("stat.openTasks")} value={o.counts.openTasks} />
        <Stat label={t("stat.overdueTasks")} value={o.counts.overdueTasks} tone="red" />
      </div>

      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("openIssuesHeading")}</h2>
        <LiaisonIssuesTable rows={o.issues} />
      </section>
      {o.counts.openTasks > 0 && (
        <section className="mb-6" data-testid="liaison-tasks">
          <h2 className="mb-2 text-lg font-semibold">{t("tasks.heading")}</h2>
          <DataTable
            caption={t("tasks.caption")}
            rows={o.tasks}
            rowKey={(k) => k.id}
            columns={[
              {
                header: t("tasks.task"),
                cell: (k) => (
                  <div>
                    <div className="font-medium">{k.title}</div>
                    <div className="text-xs text-slate-500">{t("tasks.decision", { text: k.decisionText })}</div>
                    {o.self && <CompleteTaskForm taskId={k.id} title={k.title} />}
                  </div>
                ),
              },
              {
                header: t("tasks.belongsTo"),
                cell: (k) =>
                  k.issueId ? (
                    <Link href={`/issues/${k.issueId}`} className="text-brand-600 hover:underline">
                      {k.issueTitle}
                    </Link>
                  ) : k.projectId ? (
                    <Link href={`/projects/${k.projectId}`} className="text-brand-600 hover:underline">
                      {k.projectName}
                    </Link>
                  ) : (
                    "—"
                  ),
              },
              {
                header: t("tasks.meeting"),
                cell: (k) => (
                  <Link href={`/meetings/${k.meetingId}`} className="text-brand-600 hover:underline">
                    {k.meetingTitle}
                  </Link>
                ),
              },
              {
                header: t("tasks.deadline"),
                cell: (k) => <span className={`tabular-nums ${k.overdue ? "font-medium text-red-600" : ""}`}>{k.overdue ? t("tasks.overdue", { deadline: k.deadline }) : k.deadline}</span>,
              },
            ]}
          />
          {o.counts.openTasks > o.tasks.length && <p className="mt-2 text-xs text-slate-500">{t("tasks.truncated", { shown: o.tasks.length, total: o.counts.openTasks })}</p>}
          {o.self && (
            <Link href="/meetings/tasks" className="mt-2 inline-block text-sm text-brand-600 hover:underline">
              {t("tasks.all")}
            </Link>
          )}
        </section>
      )}
      <section className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">{t("visitsDueHeading", { days: o.parks.map((p) => p.visitIntervalDays).join("/") })}</h2>
        <VisitsDueTable rows={o.visitsDue} showActions={o.self} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("projects.heading")}</h2>
        <DataTable
          testId="liaison-projects"
          rows={o.projects}
          rowKey={(p) => p.assignmentId}
          columns={[
            {
              header: t("projects.project"),
              cell: (p) => (
                <Link href={`/projects/${p.projectId}`} className="font-medium hover:text-brand-600" title={t("projects.stageOn", { stage: tc(`enum.stage.${p.stage}`), date: p.stageDate })}>
                  {p.name}
                </Link>
              ),
            },
            { header: t("projects.enterprise"), cell: (p) => p.enterpriseName, className: "text-slate-600" },
            { header: t("projects.park"), cell: (p) => p.parkName, className: "text-slate-600" },
            { header: t("projects.stage"), cell: (p) => <StageBadge stage={p.stage} status={p.status} /> },
            { header: t("projects.since"), cell: (p) => p.since, className: "tabular-nums text-slate-600" },
          ]}
        />
        {o.counts.projects > o.projects.length && <p className="mt-2 text-xs text-slate-500">{t("projects.truncated", { shown: o.projects.length, total: o.counts.projects })}</p>}
      </section>
    </>
  );
}
