import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { parksWith } from "@/lib/domain/permissions";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { listProjectIndustries } from "@/lib/server/projects/list-projects";
import { listAssignableUsers } from "@/lib/server/assignments/list-assignable-users";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { ProjectForm } from "@/components/projects/project-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("projects");
  return { title: t("new.title") };
}

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getT("projects"), getRequestLocale()]);
  const writable = parksWith(actor, "project.write");
  if (writable.length === 0) notFound();
  const [parks, industries] = await Promise.all([listVisibleParks(actor), listProjectIndustries(actor)]);
  const choices = parks.filter((p) => writable.includes(p.id));
  const wanted = Number((await searchParams).park);
  const parkId = writable.includes(wanted) ? wanted : choices[0].id;
  // A handful of parks with tens of people each: the pickers for every park the user may assign in.
  const assignable = choices.filter((p) => parksWith(actor, "assignment.manage").includes(p.id));
  const assignees = Object.fromEntries(
    await Promise.all(
      assignable.map(async (p) => {
        const [liaisons, leaders] = await Promise.all([listAssignableUsers(actor, p.id, "LIAISON"), listAssignableUsers(actor, p.id, "LEADER")]);
        return [p.id, { liaisons, leaders }] as const;
      }),
    ),
  );
  return (
    <ClientMessages locale={locale} namespaces={["projects"]}>
      <PageHeader title={t("new.title")} subtitle={t("new.subtitle")} />
      <ProjectForm mode="create" parks={choices} industries={[...new Set([...industries, ...COMMON_INDUSTRIES])]} initial={{ parkId, source: "OTHER", keyLevel: "NONE" }} assignees={assignees} />
    </ClientMessages>
  );
}
