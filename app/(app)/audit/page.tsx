import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { auditFilterPerson, listAudit, listAuditParks } from "@/lib/server/audit/list-audit";
import { AUDIT_ENTITY_LABELS, auditActionGroups } from "@/lib/domain/audit-labels";
import { type AuditFilters, parseAuditFilters } from "@/lib/validation/audit";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterSelect, filterField } from "@/components/ui/filter-select";
import { AuditTable } from "@/components/audit/audit-table";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "操作日志" };

function toParams(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== "page") out[k] = String(v);
  return out;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "audit.read");
  const { filters, errors } = parseAuditFilters(await searchParams);
  const [list, parks, person] = await Promise.all([
    orNotFound(listAudit(actor, filters)),
    listAuditParks(actor),
    filters.actor ? auditFilterPerson(actor, filters.actor) : null,
  ]);
  const params = toParams(filters);
  const { actor: _actor, ...withoutPerson } = params;
  const personHref = (id: number) => `/audit?${new URLSearchParams({ ...withoutPerson, actor: String(id) })}`;
  return (
    <>
      <PageHeader title="操作日志" subtitle="谁在何时对哪条记录做了什么，以及修改前后的内容" />
      <form method="get" action="/audit" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="筛选操作日志">
        {filters.actor && <input type="hidden" name="actor" value={filters.actor} />}
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          操作人
          <input name="who" defaultValue={filters.who ?? ""} placeholder="姓名或用户名" className={`${filterField} w-36`} />
        </label>
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        <FilterSelect label="记录类型" name="entity" value={filters.entity} options={Object.entries(AUDIT_ENTITY_LABELS)} />
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          操作
          <select name="action" defaultValue={filters.action ?? ""} className={filterField}>
            <option value="">全部</option>
            {auditActionGroups().map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.actions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          开始日期
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={filterField} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          结束日期
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={filterField} />
        </label>
        <Button type="submit">
          筛选
        </Button>
        <Link href="/audit" className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
          重置
        </Link>
      </form>
      {filters.actor && (
        <div className="mb-3 flex items-center gap-2 text-sm" data-testid="audit-person">
          <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
            只看 {person ? `${person.name}（${person.username}）` : `用户 #${filters.actor}`} 的操作
          </span>
          <Link href={`/audit?${new URLSearchParams(withoutPerson)}`} className="text-slate-600 hover:text-brand-600">
            取消
          </Link>
        </div>
      )}
      {errors.length > 0 && (
        <Alert tone="warning" testId="filter-errors" className="mb-3">
          以下筛选条件无效，已忽略：{errors.join("；")}
        </Alert>
      )}
      <AuditTable rows={list.rows} personHref={personHref} />
      <Pagination basePath="/audit" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
