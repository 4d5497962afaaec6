import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { recentCompletedMonths, ymKey } from "@/lib/domain/filing";
import { todayInShanghai } from "@/lib/domain/dates";
import { bulletinQuery, parseBulletinParams } from "@/lib/validation/bulletin";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { BulletinView } from "@/components/bulletin/bulletin-view";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "月度通报" };

export default async function BulletinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { params, errors } = parseBulletinParams(await searchParams);
  const [bulletin, scopes] = await Promise.all([orNotFound(getBulletin(actor, params)), listDashboardScopes(actor)]);
  return (
    <>
      <PageHeader title="月度通报" subtitle="每月会商用：指标对比上月、园区排名（红榜/黑榜）、红灯项目与超期诉求；可打印，可下载 Excel">
        <div className="no-print flex gap-2">
          <PrintButton label="打印通报" />
          <a href={`/api/bulletin?${bulletinQuery(params)}`} className={buttonClass({ variant: "secondary" })} data-testid="bulletin-xlsx">
            下载 Excel
          </a>
        </div>
      </PageHeader>
      <FilterBar action="/bulletin" aria-label="通报范围" submitLabel="生成">
        <FilterSelect label="通报月份" name="month" value={ymKey(params.month)} options={recentCompletedMonths(todayInShanghai(), 24)} allLabel={null} />
        {scopes.regions.length > 1 && <FilterSelect label="市州" name="region" value={params.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="全部市州" />}
        <FilterSelect label="园区" name="park" value={params.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
        <FilterSelect label="排名指标" name="rank" value={params.rank} options={INDICATOR_DEFS.map((d) => [d.key, `${d.label}（${d.convention}）`] as const)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} what="条件" className="no-print" />
      <BulletinView b={bulletin} />
    </>
  );
}
