import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { indicatorScopeParams, parseIndicatorScope } from "@/lib/validation/indicator-scope";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PrintButton } from "@/components/ui/print-button";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { loadDashboard, periodTitle, scopeTitle } from "../load-dashboard";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { formatDateIn } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("dashboard");
  return { title: t("printTitle") };
}

// The same figures as /dashboard for the same URL, laid out for A4 landscape: formulas
// printed under each rate, charts as SVG, no filters or buttons on paper.
export default async function DashboardPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { scope } = parseIndicatorScope(await searchParams);
  const [data, scopes, t, locale] = await Promise.all([orNotFound(loadDashboard(actor, scope)), listDashboardScopes(actor), getT("dashboard"), getRequestLocale()]);
  // The page's CSP allows <style> elements only with this request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <ClientMessages locale={locale} namespaces={["dashboard"]}>
    <div className="dashboard-print" data-testid="dashboard-print">
      <style nonce={nonce}>{"@page { size: A4 landscape; margin: 10mm; }"}</style>
      <div className="mb-4 flex items-end justify-between border-b border-slate-300 pb-2">
        <div>
          <h1 className="text-xl font-semibold">{t("print.heading")}</h1>
          <p className="text-sm text-slate-600">
            {t("print.line", { scope: scopeTitle(t, scope, scopes), period: periodTitle(t, scope), date: formatDateIn(locale, todayInShanghai()) })}
          </p>
        </div>
        <div className="no-print flex gap-2">
          <Link href={`/dashboard?${new URLSearchParams(indicatorScopeParams(scope))}`} className={buttonClass({ variant: "secondary" })}>
            {t("print.back")}
          </Link>
          <PrintButton />
        </div>
      </div>
      <DashboardView data={data} scope={scope} />
    </div>
    </ClientMessages>
  );
}
