import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { formatDateZh, todayInShanghai } from "@/lib/domain/dates";
import { indicatorScopeParams, parseIndicatorScope } from "@/lib/validation/indicator-scope";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PrintButton } from "@/components/ui/print-button";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { loadDashboard, periodTitle, scopeTitle } from "../load-dashboard";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "领导驾驶舱（打印）" };

// The same figures as /dashboard for the same URL, laid out for A4 landscape: formulas
// printed under each rate, charts as SVG, no filters or buttons on paper.
export default async function DashboardPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { scope } = parseIndicatorScope(await searchParams);
  const [data, scopes] = await Promise.all([orNotFound(loadDashboard(actor, scope)), listDashboardScopes(actor)]);
  // The page's CSP allows <style> elements only with this request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <div className="dashboard-print" data-testid="dashboard-print">
      <style nonce={nonce}>{"@page { size: A4 landscape; margin: 10mm; }"}</style>
      <div className="mb-4 flex items-end justify-between border-b border-slate-300 pb-2">
        <div>
          <h1 className="text-xl font-semibold">园区项目推进情况 · 领导驾驶舱</h1>
          <p className="text-sm text-slate-600">
            {scopeTitle(scope, scopes)} · {periodTitle(scope)} · 制表日期 {formatDateZh(todayInShanghai())} · 金额单位：万元 / 亿元（1 亿元 = 10,000 万元）
          </p>
        </div>
        <div className="no-print flex gap-2">
          <Link href={`/dashboard?${new URLSearchParams(indicatorScopeParams(scope))}`} className={buttonClass({ variant: "secondary" })}>
            返回驾驶舱
          </Link>
          <PrintButton />
        </div>
      </div>
      <DashboardView data={data} scope={scope} />
    </div>
  );
}
