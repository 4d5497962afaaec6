import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { searchEnterprises } from "@/lib/server/enterprises/search-enterprises";
import { enterpriseSearchSchema } from "@/lib/validation/enterprises";
import { PageHeader } from "@/components/ui/page-header";
import { VisitForm } from "@/components/visits/visit-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("visits");
  return { title: t("new.title") };
}

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.write");
  const raw = (await searchParams).enterprise;
  const wanted = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  // One option is enough to know whether the user may log a visit anywhere; the form searches the rest.
  const [any, preset] = await Promise.all([
    searchEnterprises(actor, enterpriseSearchSchema.parse({ purpose: "visit", limit: 1 })),
    wanted ? searchEnterprises(actor, enterpriseSearchSchema.parse({ purpose: "visit", id: wanted, limit: 1 })) : null,
  ]);
  const [t, locale] = await Promise.all([getT("visits"), getRequestLocale()]);
  return (
    <>
      <PageHeader title={t("new.title")} subtitle={t("new.subtitle")} />
      <ClientMessages locale={locale} namespaces={["visits"]}>
        <VisitForm initial={preset?.items[0] ?? null} hasTargets={any.items.length > 0} />
      </ClientMessages>
    </>
  );
}
