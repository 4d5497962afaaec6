import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { auditFilterPerson, listAudit, listAuditParks } from "@/lib/server/audit/list-audit";
import { AUDIT_ENTITY_LABELS, auditActionGroups } from "@/lib/domain/audit-labels";
import { parseAuditFilters } from "@/lib/validation/audit";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { FilterBar, FilterErrors, FilterInput, FilterSelect, filterField } from "@/components/ui/filter-select";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "操作日志" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "audit.read");
  const { filters, errors } = parseAuditFilters(await searchParams);
  const [list, parks, person] = await Promise.all([
    orNotFound(listAudit(actor, filters)),
    listAuditParks(actor),
    filters.actor ? auditFilterPerson(actor, filters.actor) : null,
  ]);
  const params = filterParams(filters);
  const { actor: _actor, ...withoutPerson } = params;
  const personHref = (id: number) => `/audit?${new URLSearchParams({ ...withoutPerson, actor: String(id) })}`;
  return (
    <>
      <PageHeader title="操作日志" subtitle="谁在何时对哪条记录做了什么，以及修改前后的内容" />
      <FilterBar action="/audit" aria-label="筛选操作日志" reset="/audit">
        {filters.actor && <input type="hidden" name="actor" value={filters.actor} />}
        <FilterInput label="操作人" name="who" defaultValue={filters.who ?? ""} placeholder="姓名或用户名" className="w-36" />
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
        <FilterInput label="开始日期" type="date" name="from" defaultValue={filters.from ?? ""} />
        <FilterInput label="结束日期" type="date" name="to" defaultValue={filters.to ?? ""} />
      </FilterBar>
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
      <FilterErrors errors={errors} />
      <AuditTable rows={list.rows} personHref={personHref} />
      <Pagination basePath="/audit" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
