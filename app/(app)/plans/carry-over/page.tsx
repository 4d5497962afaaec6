import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatWan } from "@/lib/domain/money";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import { CARRY_MODE_LABELS, type CarryOutcome, describePlan } from "@/lib/domain/year-plans";
import { carryOverPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { type CarryRow, previewCarryOver } from "@/lib/server/plans/carry-over";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { CarryOverConfirm } from "@/components/plans/carry-over-confirm";
import { planYearOptions } from "@/components/plans/plan-years";

export const metadata: Metadata = { title: "结转年度计划" };

function ProjectCell({ r }: { r: CarryRow }) {
  return (
    <div>
      <Link href={`/projects/${r.projectId}`} className="text-brand-600 hover:underline">
        {r.name}
      </Link>
      <div className="text-xs text-slate-500">
        {r.code} · {STAGE_LABELS[r.stage]}
        {r.status !== "ACTIVE" && `（${STATUS_LABELS[r.status]}）`}
      </div>
    </div>
  );
}

const why = (o: CarryOutcome) => ("why" in o ? o.why : []).map((w) => <div key={w}>{w}</div>);

export default async function CarryOverPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.write");
  const { filters, errors } = parseUrlFilters(carryOverPageSchema, await searchParams);
  const today = todayInShanghai();
  const currentYear = Number(today.slice(0, 4));
  // In the last quarter the year about to end; before that, last year.
  const year = filters.year ?? (Number(today.slice(5, 7)) >= 10 ? currentYear : currentYear - 1);
  const park = filters.park ?? parksWith(actor, "project.write")[0];
  const mode = filters.mode ?? "remainder";
  const [parks, preview] = await Promise.all([
    listVisibleParks(actor, { permission: "project.write" }),
    orNotFound(previewCarryOver(actor, { parkId: park, year, mode }, today)).catch((e) => {
      if (e?.code === "VALIDATION") return e.message as string;
      throw e;
    }),
  ]);
  const carry = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "carry");
  const exists = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "exists");
  const none = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "none");
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={`/plans?park=${park}&year=${year}`} className="text-brand-600 hover:underline">
          ← {year}年度计划
        </Link>
      </div>
      <PageHeader
        title={typeof preview === "string" ? "结转年度计划" : `${preview.parkName} · 结转 ${year} 年未完成计划到 ${year + 1} 年`}
        subtitle="计划当年开工而年底前未开工的，列为下一年计划开工；计划当年投产而年底前未投产的，列为下一年计划投产；计划投资未完成的，按所选方式列为下一年计划投资。下一年已有计划的项目不覆盖。先预览，确认后一次写入并记入操作日志。"
      />
      <FilterBar action="/plans/carry-over" submitLabel="预览" aria-label="结转条件">
        <FilterSelect label="园区" name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label="结转年度" name="year" value={year} options={planYearOptions(currentYear, year).filter(([y]) => y <= currentYear)} allLabel={null} />
        <FilterSelect label="计划投资的结转方式" name="mode" value={mode} options={Object.entries(CARRY_MODE_LABELS)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {typeof preview === "string" ? (
        <Alert tone="warning">{preview}</Alert>
      ) : (
        <>
          {!preview.yearEnded && (
            <Alert tone="warning" className="mb-3">
              {year} 年尚未结束：以下按截至今天（{today}）的开工、投产情况和已填报的投资计算。年底前开工、投产的项目请先在项目页登记，再来结转。
            </Alert>
          )}
          <p className="mb-4 text-sm text-slate-700" data-testid="carry-summary">
            {year} 年计划内 <strong>{preview.counts.planned}</strong> 个项目：将结转 <strong className="text-emerald-700">{preview.counts.carry}</strong> 个；
            已有 {year + 1} 年计划、不覆盖 <strong>{preview.counts.exists}</strong> 个；已完成或已终止、不结转 <strong>{preview.counts.none}</strong> 个。计划投资按“{CARRY_MODE_LABELS[mode]}”结转。
          </p>
          <Section title={`将结转到 ${year + 1} 年（${carry.length}）`} labelled>
            <DataTable
              testId="carry-rows"
              rows={carry}
              rowKey={(r) => r.projectId}
              rowProps={(r) => ({ "data-project-id": r.projectId })}
              empty={`没有需要结转到 ${year + 1} 年的计划`}
              columns={[
                { header: "项目", cell: (r) => <ProjectCell r={r} /> },
                { header: `${year}年计划`, cell: (r) => describePlan(r.plan) },
                { header: "当年完成投资", cell: (r) => formatWan(r.completed), numeric: true },
                { header: "未完成情况", cell: (r) => why(r.outcome), className: "text-xs text-slate-600" },
                { header: `结转后 ${year + 1} 年计划`, cell: (r) => (r.outcome.kind === "carry" ? <strong>{describePlan(r.outcome.next)}</strong> : null) },
              ]}
            />
          </Section>
          {exists.length > 0 && (
            <Section title={`已有 ${year + 1} 年计划，不覆盖（${exists.length}）`} labelled>
              <DataTable
                testId="carry-kept"
                rows={exists}
                rowKey={(r) => r.projectId}
                rowProps={(r) => ({ "data-project-id": r.projectId })}
                columns={[
                  { header: "项目", cell: (r) => <ProjectCell r={r} /> },
                  { header: `${year}年计划`, cell: (r) => describePlan(r.plan) },
                  { header: "未完成情况", cell: (r) => why(r.outcome), className: "text-xs text-slate-600" },
                  { header: "结转本应为", cell: (r) => (r.outcome.kind === "exists" ? describePlan(r.outcome.proposed) : null), className: "text-slate-500" },
                  { header: "说明", cell: (r) => (r.outcome.kind === "exists" ? r.outcome.reason : null) },
                ]}
              />
            </Section>
          )}
          {none.length > 0 && (
            <details className="mb-4 text-sm">
              <summary className="cursor-pointer text-slate-600">不结转的项目（{none.length}）</summary>
              <ul className="mt-2 list-disc pl-6 text-slate-600">
                {none.map((r) => (
                  <li key={r.projectId}>
                    {r.code} {r.name}：{r.outcome.kind === "none" ? r.outcome.reason : ""}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <CarryOverConfirm parkId={preview.parkId} year={year} mode={mode} projectIds={preview.carryIds} />
        </>
      )}
    </>
  );
}
