import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getParkSettings } from "@/lib/server/parks/park-settings";
import { PageHeader } from "@/components/ui/page-header";
import { ParkSettingsForm } from "@/components/parks/park-settings-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("parks");
  return { title: t("settings.title") };
}

export default async function ParkSettingsPage({ params }: { params: Promise<{ parkId: string }> }) {
  const { parkId } = await params;
  if (!/^\d{1,9}$/.test(parkId)) notFound();
  const actor = await requireActor();
  const { id, name, ...settings } = await orNotFound(getParkSettings(actor, Number(parkId)));
  const [t, locale] = await Promise.all([getT("parks"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["parks"]}>
      <PageHeader title={t("settings.titleOf", { park: name })} subtitle={t("settings.subtitle")} />
      <ParkSettingsForm parkId={id} initial={settings} />
    </ClientMessages>
  );
}
