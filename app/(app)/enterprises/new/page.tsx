import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("enterprises");
  return { title: t("new") };
}

export default async function NewEnterprisePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  // Archived parks take no new work (left out here); createEnterprise refuses them too.
  const parks = await listVisibleParks(actor, { permission: "project.write" });
  if (parks.length === 0) notFound();
  const wanted = Number((await searchParams).park);
  const parkId = parks.some((p) => p.id === wanted) ? wanted : parks[0].id;
  const [t, locale] = await Promise.all([getT("enterprises"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["enterprises"]}>
      <PageHeader title={t("new")} subtitle={t("newSubtitle")} />
      <EnterpriseForm mode="create" parks={parks} initial={{ parkId }} industries={[...COMMON_INDUSTRIES]} />
    </ClientMessages>
  );
}
