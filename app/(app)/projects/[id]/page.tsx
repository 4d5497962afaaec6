import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getProject } from "@/lib/server/projects/get-project";
import { getProjectHistory } from "@/lib/server/projects/get-project-history";
import { can } from "@/lib/domain/permissions";
import { ProjectActions } from "@/components/projects/project-actions";
import { listAssignmentHistory } from "@/lib/server/assignments/list-assignment-history";
import { listAssignableUsers } from "@/lib/server/assignments/list-assignable-users";
import { AssignmentPanel } from "@/components/assignments/assignment-panel";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadLink } from "@/components/ui/download-link";
import { StageBadge } from "@/components/ui/stage-badge";
import { ProjectFacts } from "@/components/projects/project-facts";
import { StageTimeline } from "@/components/projects/stage-timeline";
import { ProgressTable } from "@/components/projects/progress-table";
import { listProgressReports } from "@/lib/server/progress/list-progress-reports";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { LightDetails } from "@/components/warnings/warning-light";
import { ProjectPlans } from "@/components/plans/project-plans";
import { listProjectPlans } from "@/lib/server/plans/list-project-plans";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { fileableMonths } from "@/lib/domain/filing";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { lightIn } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("projects");
  return { title: t("detail.metaTitle") };
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getT("projects"), getRequestLocale()]);
  const [project, history] = await orNotFound(Promise.all([getProject(actor, Number(id)), getProjectHistory(actor, Number(id))]));
  const rights = { write: can(actor, "project.write", project.parkId), correct: can(actor, "project.correct", project.parkId) };
  const manages = can(actor, "assignment.manage", project.parkId);
  const [assignments, liaisons, leaders, reports, lights, plans] = await Promise.all([
    listAssignmentHistory(actor, "PROJECT", project.id),
    manages ? listAssignableUsers(actor, project.parkId, "LIAISON") : null,
    manages ? listAssignableUsers(actor, project.parkId, "LEADER") : null,
    listProgressReports(actor, project.id, { pageSize: 36 }),
    getLightsForProjects(actor, [project.id]),
    listProjectPlans(actor, project.id),
  ]);
  const today = todayInShanghai();
  const fileable = fileableMonths({ stage: project.stage, actualStartDate: project.actualStartDate ? dateToIso(project.actualStartDate) : null }, today);
  return (
    <ClientMessages locale={locale} namespaces={["projects", "board", "progress", "warnings", "enterprises"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/projects?park=${project.park.id}`} className="text-brand-600 hover:underline">
          {t("detail.back", { park: project.park.name })}
        </Link>
      </div>
      <PageHeader title={project.name} subtitle={`${project.code} · ${project.enterprise.name} · ${project.park.region.name}${project.park.name}`}>
        <StageBadge stage={project.stage} status={project.status} />
      </PageHeader>
      <div className="mb-3">
        <LightDetails light={lights.has(project.id) ? lightIn(lights.get(project.id)!, locale) : null} />
      </div>
      <div className="mb-4">
        <ProjectActions project={{ id: project.id, version: project.version, name: project.name, stage: project.stage, status: project.status, parkId: project.parkId }} rights={rights} />
      </div>
      <ProjectFacts project={project} />
      <div className="mt-4">
        <AssignmentPanel targetType="PROJECT" targetId={project.id} rows={assignments.rows} candidates={liaisons && leaders ? { LIAISON: liaisons, LEADER: leaders } : null} />
      </div>
      <section className="mt-6 grid gap-6 lg:grid-cols-2">
        {/* min-w-0: a grid column may be narrower than its widest table (which scrolls in its own frame). */}
        <div className="min-w-0">
          <h2 className="mb-2 text-lg font-semibold">{t("detail.history")}</h2>
          <StageTimeline entries={history} />
        </div>
        <div className="min-w-0">
          <div className="mb-2 flex items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">{t("detail.progress")}</h2>
            <DownloadLink href={`/api/export/progress?project=${project.id}`} className="text-sm text-brand-600 hover:underline">
              {t("detail.exportProgress")}
            </DownloadLink>
          </div>
          <div className="mb-3">
            <ProjectPlans projectId={project.id} currentYear={plans.currentYear} years={plans.years} plans={plans.plans} canEdit={plans.canEdit} />
          </div>
          <ProgressTable
            projectId={project.id}
            projectName={project.name}
            rows={reports.rows}
            history={reports.history}
            totals={reports.totals}
            months={fileable}
            canFile={project.status === "ACTIVE" && can(actor, "progress.file", project.parkId)}
          />
        </div>
      </section>
    </ClientMessages>
  );
}
