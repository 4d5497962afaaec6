import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listRegions } from "@/lib/server/org/regions";
import { listParksForAdmin } from "@/lib/server/org/parks";
import { PageHeader } from "@/components/ui/page-header";
import { RegionForm } from "@/components/org/region-form";
import { ParkForm } from "@/components/org/park-form";
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("org.title") };
}

export default async function OrgPage() {
  const actor = await requireActor();
  const [regions, parks] = await Promise.all([orNotFound(listRegions(actor)), orNotFound(listParksForAdmin(actor))]);
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getRequestLocale()]);
  const openRegions = regions.filter((r) => !r.archivedAt);
  return (
    <>
      <PageHeader title={t("org.title")} subtitle={t("org.subtitle")} />
      <section className="mb-8 space-y-3" aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="text-lg font-semibold">
          {t("org.regions")}
        </h2>
        <Card>
          <ClientMessages locale={locale} namespaces={["admin"]}>
            <RegionForm />
          </ClientMessages>
        </Card>
        <DataTable
          testId="region-table"
          rows={regions}
          rowKey={(r) => r.id}
          columns={[
            { header: t("org.col.name"), cell: (r) => r.name },
            { header: t("org.col.code"), cell: (r) => r.code, className: "font-mono text-xs" },
            { header: t("org.col.parkCount"), cell: (r) => r.parkCount, numeric: true },
            { header: t("org.col.status"), cell: (x) => (x.archivedAt ? <span className="text-slate-400">{t("org.archived")}</span> : <span className="text-emerald-700">{t("org.inUse")}</span>) },
            {
              key: "actions",
              header: null,
              cell: (r) => (
                <Link href={`/admin/org/regions/${r.id}`} className="text-brand-700 hover:underline" aria-label={t("org.editLabel", { name: r.name })}>
                  {t("org.edit")}
                </Link>
              ),
              align: "right",
            },
          ]}
        />
      </section>
      <section className="space-y-3" aria-labelledby="parks-heading">
        <h2 id="parks-heading" className="text-lg font-semibold">
          {t("org.parks")}
        </h2>
        <Card>
          {openRegions.length > 0 ? (
            <ClientMessages locale={locale} namespaces={["admin"]}>
              <ParkForm regions={openRegions} />
            </ClientMessages>
          ) : (
            <p className="text-sm text-slate-600">{t("org.needRegion")}</p>
          )}
        </Card>
        <DataTable
          testId="park-table"
          rows={parks}
          rowKey={(p) => p.id}
          columns={[
            { header: t("org.col.name"), cell: (p) => p.name },
            { header: t("org.col.code"), cell: (p) => p.code, className: "font-mono text-xs" },
            {
              header: t("org.col.levelType"),
              cell: (p) => (
                <>
                  {tc(`enum.parkLevel.${p.level}`)} · {tc(`enum.parkType.${p.type}`)}
                </>
              ),
            },
            { header: t("org.col.region"), cell: (p) => p.region.name },
            { header: t("org.col.projects"), cell: (p) => p.projectCount, numeric: true },
            { header: t("org.col.enterprises"), cell: (p) => p.enterpriseCount, numeric: true },
            {
              header: t("org.col.members"),
              cell: (p) => (
                <Link href={`/admin/users?park=${p.id}`} className="text-brand-700 hover:underline">
                  {p.memberCount}
                </Link>
              ),
              numeric: true,
            },
            { header: t("org.col.status"), cell: (x) => (x.archivedAt ? <span className="text-slate-400">{t("org.archived")}</span> : <span className="text-emerald-700">{t("org.inUse")}</span>) },
            {
              key: "actions",
              header: null,
              cell: (p) => (
                <Link href={`/admin/org/parks/${p.id}`} className="text-brand-700 hover:underline" aria-label={t("org.editLabel", { name: p.name })}>
                  {t("org.edit")}
                </Link>
              ),
              align: "right",
            },
          ]}
        />
      </section>
    </>
  );
}
