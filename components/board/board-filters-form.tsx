import type { BoardFilters } from "@/lib/validation/board-filters";
import { KEY_LEVELS } from "@/lib/validation/project-filters";
import { useTranslations, useLocale } from "next-intl";
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
  const t = useTranslations("board.filters");
  const locale = useLocale();
  const tc = useTranslations("common");
  return (
    <FilterBar action="/board" aria-label={t("label")} reset={filters.park ? `/board?park=${filters.park}` : "/board"}>
      {parks.length > 1 && <FilterSelect label={t("park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />}
      {parks.length === 1 && <input type="hidden" name="park" value={parks[0].id} />}
      <FilterInput label={t("search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className="w-48" />
      <FilterSelect label={t("industry")} name="industry" value={filters.industry} options={industries.map((i) => [i, i] as const)} />
      <FilterSelect label={t("keyLevel")} name="keyLevel" value={filters.keyLevel} options={KEY_LEVELS.map((k) => [k, tc(`enum.keyLevel.${k}`)] as const)} />
      <FilterSelect label={t("liaison")} name="liaison" value={filters.liaison} options={liaisons.map((l) => [l.id, l.name] as const)} />
      <FilterSelect label={t("year")} name="year" value={filters.year} options={recentYears(locale)} />
      <FilterCheck label={t("stale")} name="stale" checked={filters.stale === "1"} />
    </FilterBar>
  );
}
