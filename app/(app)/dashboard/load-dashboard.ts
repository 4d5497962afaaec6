import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { getDashboard } from "@/lib/server/metrics/get-dashboard";
import type { DashboardData } from "@/components/dashboard/dashboard-view";

/** Everything the dashboard shows; the service checks the actor's scope itself. */
export function loadDashboard(actor: Actor, scope: IndicatorScope): Promise<DashboardData> {
  return getDashboard(actor, scope);
}

/** "怀化市 · 全部园区" / the park's name, for headings. */
export function scopeTitle(scope: IndicatorScope, scopes: { parks: { id: number; name: string }[]; regions: { id: number; name: string }[] }): string {
  if (scope.park) return scopes.parks.find((p) => p.id === scope.park)?.name ?? "园区";
  if (scope.region) return `${scopes.regions.find((r) => r.id === scope.region)?.name ?? "市州"} · 全部园区`;
  return scopes.regions.length === 1 ? `${scopes.regions[0].name} · 全部园区` : "全部可见园区";
}

export function periodTitle(scope: IndicatorScope): string {
  const cohort = scope.cohort === scope.year ? "" : `，${scope.cohort}年签约批次`;
  return `${scope.year}年1—${scope.through}月${cohort}`;
}
