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

export const metadata: Metadata = { title: "编辑项目" };

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const project = await orNotFound(getProject(actor, Number(id)));
  if (!can(actor, "project.write", project.parkId)) notFound();
  const industries = await listProjectIndustries(actor);
  return (
    <>
      <PageHeader title={`编辑：${project.name}`} subtitle={`${project.code} · 阶段与状态请在看板或项目页“移动”中变更`} />
      <ProjectForm
        mode="edit"
        projectId={project.id}
        parks={[{ id: project.park.id, name: project.park.name }]}
        industries={[...new Set([...industries, ...COMMON_INDUSTRIES])]}
        initial={projectToFormValues(project)}
      />
    </>
  );
}
