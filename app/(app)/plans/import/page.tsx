import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { plansPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Alert } from "@/components/ui/alert";
import { PlanImport } from "@/components/plans/plan-import";
import { planYearOptions } from "@/components/plans/plan-years";

export const metadata: Metadata = { title: "导入年度计划" };

export default async function PlanImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.write");
  const { filters, errors } = parseUrlFilters(plansPageSchema, await searchParams);
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const year = filters.year ?? currentYear;
  const parks = await listVisibleParks(actor, { permission: "project.write" });
  const writable = new Set(parksWith(actor, "project.write"));
  const park = parks.find((p) => p.id === (filters.park ?? parks[0]?.id) && writable.has(p.id));
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={`/plans?${new URLSearchParams({ ...(park ? { park: String(park.id) } : {}), year: String(year) })}`} className="text-brand-600 hover:underline">
          ← 年度计划
        </Link>
      </div>
      <PageHeader title={park ? `${park.name} · 导入${year}年度计划` : "导入年度计划"} subtitle="用 Excel 计划表批量设置一个园区某一年的年度计划：先检查，确认无误后一次性写入，全部成功或全部不写入" />
      <FilterBar action="/plans/import" submitLabel="选择" aria-label="园区与年度">
        <FilterSelect label="园区" name="park" value={park?.id} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label="年度" name="year" value={year} options={planYearOptions(currentYear, year)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {park ? <PlanImport key={`${park.id}-${year}`} parkId={park.id} parkName={park.name} year={year} /> : <Alert tone="warning">没有可以设置年度计划的园区</Alert>}
    </>
  );
}
