import Link from "next/link";
import type { BoardFilters } from "@/lib/validation/board-filters";
import { KEY_LEVELS } from "@/lib/validation/project-filters";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { FilterSelect, filterField, recentYears } from "@/components/ui/filter-select";
import { Button } from "@/components/ui/button";

// A GET form: the board's filters live in the URL, so a view can be shared and bookmarked.
export function BoardFiltersForm({
  filters,
  parks,
  liaisons,
  industries,
}: {
  filters: BoardFilters;
  parks: { id: number; name: string }[];
  liaisons: { id: number; name: string }[];
  industries: string[];
}) {
  return (
    <form method="get" action="/board" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="筛选看板">
      {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
      {parks.length === 1 && <input type="hidden" name="park" value={parks[0].id} />}
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        搜索
        <input name="q" defaultValue={filters.q ?? ""} placeholder="项目/企业名称或编号" className={`${filterField} w-48`} />
      </label>
      <FilterSelect label="产业链" name="industry" value={filters.industry} options={industries.map((i) => [i, i] as const)} />
      <FilterSelect label="项目级别" name="keyLevel" value={filters.keyLevel} options={KEY_LEVELS.map((k) => [k, KEY_LEVEL_LABELS[k]] as const)} />
      <FilterSelect label="包保责任人" name="liaison" value={filters.liaison} options={liaisons.map((l) => [l.id, l.name] as const)} />
      <FilterSelect label="签约年份" name="year" value={filters.year} options={recentYears()} />
      <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
        <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale === "1"} />
        只看滞留项目
      </label>
      <Button type="submit">
        筛选
      </Button>
      <Link href={filters.park ? `/board?park=${filters.park}` : "/board"} className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
        重置
      </Link>
    </form>
  );
}
