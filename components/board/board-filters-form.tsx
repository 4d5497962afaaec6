import type { BoardFilters } from "@/lib/validation/board-filters";
import { KEY_LEVELS } from "@/lib/validation/project-filters";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { FilterBar, FilterCheck, FilterInput, FilterSelect, recentYears } from "@/components/ui/filter-select";

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
    <FilterBar action="/board" aria-label="筛选看板" reset={filters.park ? `/board?park=${filters.park}` : "/board"}>
      {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
      {parks.length === 1 && <input type="hidden" name="park" value={parks[0].id} />}
      <FilterInput label="搜索" name="q" defaultValue={filters.q ?? ""} placeholder="项目/企业名称或编号" className="w-48" />
      <FilterSelect label="产业链" name="industry" value={filters.industry} options={industries.map((i) => [i, i] as const)} />
      <FilterSelect label="项目级别" name="keyLevel" value={filters.keyLevel} options={KEY_LEVELS.map((k) => [k, KEY_LEVEL_LABELS[k]] as const)} />
      <FilterSelect label="包保责任人" name="liaison" value={filters.liaison} options={liaisons.map((l) => [l.id, l.name] as const)} />
      <FilterSelect label="签约年份" name="year" value={filters.year} options={recentYears()} />
      <FilterCheck label="只看滞留项目" name="stale" checked={filters.stale === "1"} />
    </FilterBar>
  );
}
