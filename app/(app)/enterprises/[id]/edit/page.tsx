import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getEnterprise } from "@/lib/server/enterprises/get-enterprise";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";

export const metadata: Metadata = { title: "修改企业档案" };

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const e = await orNotFound(getEnterprise(actor, Number(id)));
  if (!e.can.edit) notFound();
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={`/enterprises/${e.id}`} className="text-brand-600 hover:underline">
          ← {e.name}
        </Link>
      </div>
      <PageHeader title="修改企业档案" subtitle={`${e.park.regionName}${e.park.name}；所属园区不能修改`} />
      <EnterpriseForm
        mode="edit"
        enterpriseId={e.id}
        initial={{ name: e.name, creditCode: e.creditCode, legalPerson: e.legalPerson, contactName: e.contactName, contactPhone: e.contactPhone, address: e.address, industry: e.industry }}
        industries={[...COMMON_INDUSTRIES]}
      />
    </>
  );
}
