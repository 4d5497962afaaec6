import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { type IndicatorScope, indicatorScopeParams, parseIndicatorScope } from "@/lib/validation/indicator-scope";
import type { Actor } from "@/lib/domain/permissions";
import { scopeParkIds } from "@/lib/server/metrics/indicator-sql";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PageHeader } from "@/components/ui/page-header";
import { PrintLandscape } from "@/components/ui/print-button";
import { FilterErrors } from "@/components/ui/filter-select";
import { ScopeForm } from "@/components/dashboard/scope-form";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { DashboardLoading } from "@/components/dashboard/dashboard-loading";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { loadDashboard, periodTitle, scopeTitle } from "./load-dashboard";
import { MyDigest } from "@/components/digest/my-digest";
import { myDigest } from "@/lib/server/notifications/daily-digest";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { scope, errors } = parseIndicatorScope(await searchParams);
  // The scope is checked before anything is sent (another park or region is a 404); the
  // figures stream in after the header and the form.
  const [, scopes, t, locale] = await Promise.all([orNotFound(scopeParkIds(actor, scope)), listDashboardScopes(actor), getT("dashboard"), getRequestLocale()]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <ClientMessages locale={locale} namespaces={["dashboard"]}>
      <PageHeader title={t("title")} subtitle={t("subtitle", { scope: scopeTitle(t, scope, scopes), period: periodTitle(t, scope) })}>
        <Link
          href={`/dashboard/print?${new URLSearchParams(indicatorScopeParams(scope))}`}
          className="no-print rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          data-testid="print-view"
        >
          {t("printView")}
        </Link>
        <PrintLandscape />
      </PageHeader>
      <MyDigest digest={myDigest(actor)} />
      <ScopeForm scope={scope} scopes={scopes} years={years} />
      <FilterErrors errors={errors} what={t("filterWhat")} />
      <Suspense fallback={<DashboardLoading />}>
        <DashboardFigures actor={actor} scope={scope} />
      </Suspense>
    </ClientMessages>
  );
}

async function DashboardFigures({ actor, scope }: { actor: Actor; scope: IndicatorScope }) {
  return <DashboardView data={await loadDashboard(actor, scope)} scope={scope} />;
}
