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
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("audit");
  return { title: t("title") };
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
  const t = await getT("audit");
  const params = filterParams(filters);
  const { actor: _actor, ...withoutPerson } = params;
  const personHref = (id: number) => `/audit?${new URLSearchParams({ ...withoutPerson, actor: String(id) })}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar action="/audit" aria-label={t("filterAria")} reset="/audit">
        {filters.actor && <input type="hidden" name="actor" value={filters.actor} />}
        <FilterInput label={t("who")} name="who" defaultValue={filters.who ?? ""} placeholder={t("whoPlaceholder")} className="w-36" />
        {parks.length > 1 && <FilterSelect label={t("park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />}
        <FilterSelect label={t("entity")} name="entity" value={filters.entity} options={Object.entries(AUDIT_ENTITY_LABELS).map(([k, zh]) => [k, t.has(`entities.${k}` as "entities.Project") ? t(`entities.${k}` as "entities.Project") : zh] as const)} />
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t("action")}
          <select name="action" defaultValue={filters.action ?? ""} className={filterField}>
            <option value="">{t("all")}</option>
            {auditActionGroups().map((g) => (
              <optgroup key={g.key} label={t(`groups.${g.key}`)}>
                {g.actions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {t.has(`actions.${value}` as "actions.auth.signIn") ? t(`actions.${value}` as "actions.auth.signIn") : label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <FilterInput label={t("from")} type="date" name="from" defaultValue={filters.from ?? ""} />
        <FilterInput label={t("to")} type="date" name="to" defaultValue={filters.to ?? ""} />
      </FilterBar>
      {filters.actor && (
        <div className="mb-3 flex items-center gap-2 text-sm" data-testid="audit-person">
          <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
            {t("onlyPerson", { person: person ? t("person", { name: person.name, username: person.username }) : t("userNumber", { id: String(filters.actor) }) })}
          </span>
          <Link href={`/audit?${new URLSearchParams(withoutPerson)}`} className="text-slate-600 hover:text-brand-600">
            {t("cancel")}
          </Link>
        </div>
      )}
      <FilterErrors errors={errors} />
      <AuditTable rows={list.rows} personHref={personHref} />
      <Pagination basePath="/audit" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
