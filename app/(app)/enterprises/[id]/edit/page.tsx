import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getEnterprise } from "@/lib/server/enterprises/get-enterprise";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("enterprises");
  return { title: t("editTitle") };
}

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const e = await orNotFound(getEnterprise(actor, Number(id)));
  if (!e.can.edit) notFound();
  const [t, locale] = await Promise.all([getT("enterprises"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["enterprises"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/enterprises/${e.id}`} className="text-brand-600 hover:underline">
          ← {e.name}
        </Link>
      </div>
      <PageHeader title={t("editTitle")} subtitle={t("editSubtitle", { park: `${e.park.regionName}${e.park.name}` })} />
      <EnterpriseForm
        mode="edit"
        enterpriseId={e.id}
        initial={{ name: e.name, creditCode: e.creditCode, legalPerson: e.legalPerson, contactName: e.contactName, contactPhone: e.contactPhone, address: e.address, industry: e.industry }}
        industries={[...COMMON_INDUSTRIES]}
      />
    </ClientMessages>
  );
}
