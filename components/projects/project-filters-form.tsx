import type { ProjectFilters } from "@/lib/validation/project-filters";
import { KEY_LEVELS, PAGE_SIZES } from "@/lib/validation/project-filters";
import { useTranslations, useLocale } from "next-intl";
import { STAGES, PROJECT_STATUSES } from "@/lib/domain/stages";
import { FilterBar, FilterInput, FilterSelect, recentYears } from "@/components/ui/filter-select";

// A plain GET form: filters live in the URL, so any view can be shared and bookmarked.
export function ProjectFiltersForm({ filters, parks, industries }: { filters: ProjectFilters; parks: { id: number; name: string }[]; industries: string[] }) {
  const t = useTranslations("projects.filters");
  const locale = useLocale();
  const tc = useTranslations("common");
  return (
    <FilterBar action="/projects" aria-label={t("label")} submitLabel={t("submit")} reset="/projects">
      {/* A dashboard drill-down stays in force while the list is narrowed further; 重置 leaves it. */}
      {(["metric", "period", "cohort", "region"] as const).map((k) => filters[k] !== undefined && <input key={k} type="hidden" name={k} value={String(filters[k])} />)}
      <FilterInput label={t("search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className="w-56" />
      <FilterSelect label={t("park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />
      <FilterSelect label={t("stage")} name="stage" value={filters.stage} options={STAGES.map((s) => [s, tc(`enum.stage.${s}`)] as const)} />
      <FilterSelect label={t("status")} name="status" value={filters.status} options={PROJECT_STATUSES.map((s) => [s, tc(`enum.status.${s}`)] as const)} />
      <FilterSelect label={t("industry")} name="industry" value={filters.industry} options={industries.map((i) => [i, i] as const)} />
      <FilterSelect label={t("keyLevel")} name="keyLevel" value={filters.keyLevel} options={KEY_LEVELS.map((k) => [k, tc(`enum.keyLevel.${k}`)] as const)} />
      <FilterSelect label={t("year")} name="year" value={filters.year} options={recentYears(locale)} />
      <FilterSelect label={t("pageSize")} name="pageSize" value={filters.pageSize} options={PAGE_SIZES.map((n) => [n, t("perPage", { n })] as const)} allLabel={null} />
    </FilterBar>
  );
}
