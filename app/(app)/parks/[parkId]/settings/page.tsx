import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getParkSettings } from "@/lib/server/parks/park-settings";
import { PageHeader } from "@/components/ui/page-header";
import { ParkSettingsForm } from "@/components/parks/park-settings-form";

export const metadata: Metadata = { title: "园区设置" };

export default async function ParkSettingsPage({ params }: { params: Promise<{ parkId: string }> }) {
  const { parkId } = await params;
  if (!/^\d{1,9}$/.test(parkId)) notFound();
  const actor = await requireActor();
  const { id, name, ...settings } = await orNotFound(getParkSettings(actor, Number(parkId)));
  return (
    <>
      <PageHeader title={`${name} · 园区设置`} subtitle="看板上项目在某一阶段停留超过设定天数即标为“滞留”；走访间隔用于包保走访提醒；亮灯规则决定项目的红黄绿灯（亮灯督办、看板、台账）" />
      <ParkSettingsForm parkId={id} initial={settings} />
    </>
  );
}
