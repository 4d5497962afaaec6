import Link from "next/link";
import type { BoardFilters } from "@/lib/validation/board-filters";
import { KEY_LEVELS } from "@/lib/validation/project-filters";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";

const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

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
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  return (
    <form method="get" action="/board" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="筛选看板">
      {parks.length > 1 && (
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          园区
          <select name="park" defaultValue={filters.park ?? ""} className={field}>
            <option value="">全部园区</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {parks.length === 1 && <input type="hidden" name="park" value={parks[0].id} />}
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        搜索
        <input name="q" defaultValue={filters.q ?? ""} placeholder="项目/企业名称或编号" className={`${field} w-48`} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        产业链
        <select name="industry" defaultValue={filters.industry ?? ""} className={field}>
          <option value="">全部</option>
          {industries.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        项目级别
        <select name="keyLevel" defaultValue={filters.keyLevel ?? ""} className={field}>
          <option value="">全部</option>
          {KEY_LEVELS.map((k) => (
            <option key={k} value={k}>
              {KEY_LEVEL_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        包保责任人
        <select name="liaison" defaultValue={filters.liaison ?? ""} className={field}>
          <option value="">全部</option>
          {liaisons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        签约年份
        <select name="year" defaultValue={filters.year ?? ""} className={field}>
          <option value="">全部</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
        <input type="checkbox" name="stale" value="1" defaultChecked={filters.stale === "1"} />
        只看滞留项目
      </label>
      <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 text-sm text-white hover:bg-brand-700">
        筛选
      </button>
      <Link href={filters.park ? `/board?park=${filters.park}` : "/board"} className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
        重置
      </Link>
    </form>
  );
}
