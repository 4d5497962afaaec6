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

export const metadata: Metadata = { title: "编辑园区" };

export default async function ParkAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [park, regions] = await Promise.all([orNotFound(getParkForAdmin(actor, id)), orNotFound(listRegions(actor))]);
  const choices = regions.filter((r) => !r.archivedAt || r.id === park.regionId);
  return (
    <>
      <PageHeader title={`园区：${park.name}`}>
        <div className="flex gap-4 text-sm">
          <Link href={`/parks/${park.id}/settings`} className="text-brand-700 hover:underline">
            预警与滞留设置
          </Link>
          <Link href={`/admin/users?park=${park.id}`} className="text-brand-700 hover:underline">
            本园区人员
          </Link>
          <Link href="/admin/org" className="text-brand-700 hover:underline">
            返回园区与市州
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <ParkForm park={park} regions={choices} />
        </Card>
        <Card>
          <ArchiveButton kind="park" id={park.id} archived={!!park.archivedAt} />
        </Card>
      </div>
    </>
  );
}
