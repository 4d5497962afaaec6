import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { parksWith } from "@/lib/domain/permissions";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";

export const metadata: Metadata = { title: "新建企业" };

export default async function NewEnterprisePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const writable = parksWith(actor, "project.write");
  if (writable.length === 0) notFound();
  // Archived parks take no new work; createEnterprise refuses them too.
  const parks = await getDb().park.findMany({ where: { id: { in: writable }, archivedAt: null }, select: { id: true, name: true }, orderBy: [{ regionId: "asc" }, { id: "asc" }] });
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
