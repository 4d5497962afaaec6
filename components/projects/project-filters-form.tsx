import Link from "next/link";
import type { ProjectFilters } from "@/lib/validation/project-filters";
import { KEY_LEVELS, PAGE_SIZES } from "@/lib/validation/project-filters";
import { STAGES, STAGE_LABELS, PROJECT_STATUSES, STATUS_LABELS } from "@/lib/domain/stages";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";

const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

// A plain GET form: filters live in the URL, so any view can be shared and bookmarked.
export function ProjectFiltersForm({ filters, parks, industries }: { filters: ProjectFilters; parks: { id: number; name: string }[]; industries: string[] }) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  return (
    <form method="get" action="/projects" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="筛选项目">
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        搜索
        <input name="q" defaultValue={filters.q ?? ""} placeholder="项目/企业名称或编号" className={`${field} w-56`} />
      </label>
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
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        当前阶段
        <select name="stage" defaultValue={filters.stage ?? ""} className={field}>
          <option value="">全部</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        状态
        <select name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">全部</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
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
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        每页
        <select name="pageSize" defaultValue={filters.pageSize} className={field}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n} 条
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 text-sm text-white hover:bg-brand-700">
        查询
      </button>
      <Link href="/projects" className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
        重置
      </Link>
    </form>
  );
}
