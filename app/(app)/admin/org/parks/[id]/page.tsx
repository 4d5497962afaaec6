import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getParkForAdmin } from "@/lib/server/org/parks";
import { listRegions } from "@/lib/server/org/regions";
import { PageHeader } from "@/components/ui/page-header";
import { ParkForm } from "@/components/org/park-form";
import { ArchiveButton } from "@/components/org/archive-button";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("park.metaTitle") };
}

export default async function ParkAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [park, regions] = await Promise.all([orNotFound(getParkForAdmin(actor, id)), orNotFound(listRegions(actor))]);
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  const choices = regions.filter((r) => !r.archivedAt || r.id === park.regionId);
  return (
    <>
      <PageHeader title={t("park.heading", { name: park.name })}>
        <div className="flex gap-4 text-sm">
          <Link href={`/parks/${park.id}/settings`} className="text-brand-700 hover:underline">
            {t("park.settings")}
          </Link>
          <Link href={`/admin/users?park=${park.id}`} className="text-brand-700 hover:underline">
            {t("park.members")}
          </Link>
          <Link href="/admin/org" className="text-brand-700 hover:underline">
            {t("park.back")}
          </Link>
        </div>
      </PageHeader>
      <ClientMessages locale={locale} namespaces={["admin"]}>
      <div className="space-y-6">
        <Card>
          <ParkForm park={park} regions={choices} />
        </Card>
        <Card>
          <ArchiveButton kind="park" id={park.id} archived={!!park.archivedAt} />
        </Card>
      </div>
      </ClientMessages>
    </>
  );
}
