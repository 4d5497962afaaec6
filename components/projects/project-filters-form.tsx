import type { ProjectFilters } from "@/lib/validation/project-filters";
import { KEY_LEVELS, PAGE_SIZES } from "@/lib/validation/project-filters";
import { STAGES, STAGE_LABELS, PROJECT_STATUSES, STATUS_LABELS } from "@/lib/domain/stages";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { FilterBar, FilterInput, FilterSelect, recentYears } from "@/components/ui/filter-select";

// A plain GET form: filters live in the URL, so any view can be shared and bookmarked.
export function ProjectFiltersForm({ filters, parks, industries }: { filters: ProjectFilters; parks: { id: number; name: string }[]; industries: string[] }) {
  return (
    <FilterBar action="/projects" aria-label="筛选项目" submitLabel="查询" reset="/projects">
      {/* A dashboard drill-down stays in force while the list is narrowed further; 重置 leaves it. */}
      {(["metric", "period", "cohort", "region"] as const).map((k) => filters[k] !== undefined && <input key={k} type="hidden" name={k} value={String(filters[k])} />)}
      <FilterInput label="搜索" name="q" defaultValue={filters.q ?? ""} placeholder="项目/企业名称或编号" className="w-56" />
      <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
      <FilterSelect label="当前阶段" name="stage" value={filters.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]] as const)} />
      <FilterSelect label="状态" name="status" value={filters.status} options={PROJECT_STATUSES.map((s) => [s, STATUS_LABELS[s]] as const)} />
      <FilterSelect label="产业链" name="industry" value={filters.industry} options={industries.map((i) => [i, i] as const)} />
      <FilterSelect label="项目级别" name="keyLevel" value={filters.keyLevel} options={KEY_LEVELS.map((k) => [k, KEY_LEVEL_LABELS[k]] as const)} />
      <FilterSelect label="签约年份" name="year" value={filters.year} options={recentYears()} />
      <FilterSelect label="每页" name="pageSize" value={filters.pageSize} options={PAGE_SIZES.map((n) => [n, `${n} 条`] as const)} allLabel={null} />
    </FilterBar>
  );
}
