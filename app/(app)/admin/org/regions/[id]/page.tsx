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

export const metadata: Metadata = { title: "编辑市州" };

export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const region = (await orNotFound(listRegions(actor))).find((r) => String(r.id) === id);
  if (!region) notFound();
  return (
    <>
      <PageHeader title={`市州：${region.name}`} subtitle={`${region.parkCount} 个园区`}>
        <Link href="/admin/org" className="text-sm text-brand-700 hover:underline">
          返回园区与市州
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <RegionForm region={region} />
        </Card>
        <Card>
          <ArchiveButton kind="region" id={region.id} archived={!!region.archivedAt} />
        </Card>
      </div>
    </>
  );
}
