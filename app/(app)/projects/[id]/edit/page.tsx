import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { can } from "@/lib/domain/permissions";
import { getProject } from "@/lib/server/projects/get-project";
import { listProjectIndustries } from "@/lib/server/projects/list-projects";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectForm } from "@/components/projects/project-form";
import { projectToFormValues } from "@/components/projects/project-form-values";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("projects");
  return { title: t("edit.metaTitle") };
}

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getT("projects"), getRequestLocale()]);
  const project = await orNotFound(getProject(actor, Number(id)));
  if (!can(actor, "project.write", project.parkId)) notFound();
  const industries = await listProjectIndustries(actor);
  return (
    <ClientMessages locale={locale} namespaces={["projects"]}>
      <PageHeader title={t("edit.title", { name: project.name })} subtitle={t("edit.subtitle", { code: project.code })} />
      <ProjectForm
        mode="edit"
        projectId={project.id}
        parks={[{ id: project.park.id, name: project.park.name }]}
        industries={[...new Set([...industries, ...COMMON_INDUSTRIES])]}
        initial={projectToFormValues(project)}
      />
    </ClientMessages>
  );
}
