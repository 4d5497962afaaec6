import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { indicatorScopeParams, parseIndicatorScope } from "@/lib/validation/indicator-scope";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PageHeader } from "@/components/ui/page-header";
import { PrintLandscape } from "@/components/ui/print-button";
import { FilterErrors } from "@/components/ui/filter-select";
import { ScopeForm } from "@/components/dashboard/scope-form";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { loadDashboard, periodTitle, scopeTitle } from "./load-dashboard";

export const metadata: Metadata = { title: "领导驾驶舱" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { scope, errors } = parseIndicatorScope(await searchParams);
  const [data, scopes] = await Promise.all([orNotFound(loadDashboard(actor, scope)), listDashboardScopes(actor)]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <>
      <PageHeader title="领导驾驶舱" subtitle={`${scopeTitle(scope, scopes)} · ${periodTitle(scope)} · 金额单位见各项（万元 / 亿元）`}>
        <Link
          href={`/dashboard/print?${new URLSearchParams(indicatorScopeParams(scope))}`}
          className="no-print rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          data-testid="print-view"
        >
          打印视图
        </Link>
        <PrintLandscape />
      </PageHeader>
      <ScopeForm scope={scope} scopes={scopes} years={years} />
      <FilterErrors errors={errors} what="统计条件" />
      <DashboardView data={data} scope={scope} />
    </>
  );
}
