import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";

export const metadata: Metadata = { title: "新建企业" };

export default async function NewEnterprisePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  // Archived parks take no new work (left out here); createEnterprise refuses them too.
  const parks = await listVisibleParks(actor, { permission: "project.write" });
  if (parks.length === 0) notFound();
  const wanted = Number((await searchParams).park);
  const parkId = parks.some((p) => p.id === wanted) ? wanted : parks[0].id;
  return (
    <>
      <PageHeader title="新建企业" subtitle="为尚未签约项目的企业建立档案（一企一档）；标 * 的为必填项。同一园区内企业名称、统一社会信用代码不能重复" />
      <EnterpriseForm mode="create" parks={parks} initial={{ parkId }} industries={[...COMMON_INDUSTRIES]} />
    </>
  );
}
