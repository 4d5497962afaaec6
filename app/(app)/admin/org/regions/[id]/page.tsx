import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listRegions } from "@/lib/server/org/regions";
import { PageHeader } from "@/components/ui/page-header";
import { RegionForm } from "@/components/org/region-form";
import { ArchiveButton } from "@/components/org/archive-button";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("region.metaTitle") };
}

export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const region = (await orNotFound(listRegions(actor))).find((r) => String(r.id) === id);
  if (!region) notFound();
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  return (
    <>
      <PageHeader title={t("region.heading", { name: region.name })} subtitle={t("region.parkCount", { count: region.parkCount })}>
        <Link href="/admin/org" className="text-sm text-brand-700 hover:underline">
          {t("region.back")}
        </Link>
      </PageHeader>
      <ClientMessages locale={locale} namespaces={["admin"]}>
      <div className="space-y-6">
        <Card>
          <RegionForm region={region} />
        </Card>
        <Card>
          <ArchiveButton kind="region" id={region.id} archived={!!region.archivedAt} />
        </Card>
      </div>
      </ClientMessages>
    </>
  );
}
