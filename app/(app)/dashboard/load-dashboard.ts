import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { getDashboard } from "@/lib/server/metrics/get-dashboard";
import type { DashboardData } from "@/components/dashboard/dashboard-view";
import { type DashboardT, periodLabel } from "@/components/dashboard/labels";

/** Everything the dashboard shows; the service checks the actor's scope itself. */
export function loadDashboard(actor: Actor, scope: IndicatorScope): Promise<DashboardData> {
  return getDashboard(actor, scope);
}

/** "怀化市 · 全部园区" / the park's name, for headings. */
export function scopeTitle(t: DashboardT, scope: IndicatorScope, scopes: { parks: { id: number; name: string }[]; regions: { id: number; name: string }[] }): string {
  if (scope.park) return scopes.parks.find((p) => p.id === scope.park)?.name ?? t("scope.park");
  if (scope.region) return t("scope.allParksOf", { region: scopes.regions.find((r) => r.id === scope.region)?.name ?? t("scope.region") });
  return scopes.regions.length === 1 ? t("scope.allParksOf", { region: scopes.regions[0].name }) : t("scope.allVisible");
}

/** "2026年1—10月" (and the signing cohort when it is another year). */
export function periodTitle(t: DashboardT, scope: IndicatorScope): string {
  return periodLabel(t, scope);
}
