import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/rate-limit";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { apiTokenListSchema } from "@/lib/validation/api-tokens";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenTable } from "@/components/api-tokens/token-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("tokens.title") };
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "apiToken.manage");
  const sp = await searchParams;
  const filters = apiTokenListSchema.parse({ page: sp.page, pageSize: 20, active: sp.active });
  const now = new Date();
  const [list, parks] = await Promise.all([listApiTokens(actor, filters, now), listVisibleParks(actor)]);
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  const tab = "rounded border px-3 py-1 text-sm";
  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        subtitle={t("tokens.subtitle", { limit: API_RATE_LIMIT_PER_MINUTE })}
      >
        <Link href="/api-docs" className="no-print text-sm text-brand-700 hover:underline">
          {t("tokens.docs")}
        </Link>
      </PageHeader>
      <ClientMessages locale={locale} namespaces={["admin"]}>
      <section className="mb-6">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("tokens.createHeading")}</h2>
        <CreateTokenForm parks={parks.map((p) => ({ id: p.id, name: p.name, regionName: p.region.name }))} today={todayInShanghai()} />
      </section>
      <section>
        <div className="mb-2 flex items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-slate-700">{t("tokens.listHeading")}</h2>
          <nav aria-label={t("tokens.filter")} className="no-print flex gap-2">
            <Link href="/admin/api-tokens" aria-current={!filters.active ? "page" : undefined} className={`${tab} ${!filters.active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}>
              {t("tokens.all")}
            </Link>
            <Link href="/admin/api-tokens?active=1" aria-current={filters.active ? "page" : undefined} className={`${tab} ${filters.active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}>
              {t("tokens.activeOnly")}
            </Link>
          </nav>
        </div>
        <TokenTable items={list.items} now={now} />
        {list.pageCount > 1 && <Pagination basePath="/admin/api-tokens" params={{ active: filters.active }} page={list.page} pageCount={list.pageCount} total={list.total} />}
      </section>
      </ClientMessages>
    </>
  );
}
