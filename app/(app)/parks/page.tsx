import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listParkOverview } from "@/lib/server/parks/list-park-overview";
import { PageHeader } from "@/components/ui/page-header";
import { ParkOverviewTable } from "@/components/parks/park-overview-table";
import { todayInShanghai, formatDateZh } from "@/lib/domain/dates";
import { parksWith } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "园区概览" };

export default async function ParksPage() {
  const actor = await requireActor();
  requirePermission(actor, "park.read");
  const { parks, totals } = await listParkOverview(actor);
  return (
    <>
      <PageHeader title="园区概览" subtitle={`各园区项目所处阶段与投资规模（截至 ${formatDateZh(todayInShanghai())}）`} />
      <ParkOverviewTable parks={parks} totals={totals} configurable={parksWith(actor, "park.configure")} />
      <p className="mt-3 text-xs text-slate-500">
        说明：签约/落地/开工/投产为正常推进项目的当前阶段；暂缓、终止项目单独统计。总投资、合同引资额不含已终止项目，单位见各列。
      </p>
    </>
  );
}
