import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { LIGHT_KINDS, LIGHT_KIND_LABELS } from "@/lib/domain/warnings";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { pageFrom } from "@/lib/validation/paging";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { FilterSelect } from "@/components/ui/filter-select";
import { RuleLight } from "@/components/warnings/warning-light";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "亮灯督办" };

const filtersSchema = z.object({
  park: z.coerce.number({ message: "园区须为数字" }).int("园区须为整数").min(1, "园区无效").max(2_147_483_647, "园区无效").optional(),
  kind: z.enum(LIGHT_KINDS, { message: "亮灯类型无效" }).optional(),
});

export default async function WarningsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const raw = await searchParams;
  const { filters, errors } = parseUrlFilters(filtersSchema, raw);
  const [result, parks] = await Promise.all([
    orNotFound(listRedProjects(actor, { parkId: filters.park, kind: filters.kind }, { page: pageFrom(raw.page), pageSize: 50 })),
    listVisibleParks(actor),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const parkName = parks.find((p) => p.id === filters.park)?.name ?? (parks.length === 1 ? parks[0].name : undefined);
  return (
    <>
      <PageHeader
        title={`${parkName ?? "全部园区"} · 红灯项目督办清单`}
        subtitle={`截至 ${todayInShanghai()}。开工：计划开工满 3 个月仍未开工；投资进度：本年完成落后序时进度超过 30 个百分点；月报：月末后第 5 个工作日仍未填报（各园区可在园区设置中调整阈值）`}
      >
        <div className="no-print flex gap-2">
          <Link href={`/progress/missing${filters.park ? `?park=${filters.park}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            月报未填报清单
          </Link>
          <PrintButton />
        </div>
      </PageHeader>
      <form method="get" action="/warnings" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
        <FilterSelect label="红灯类型" name="kind" value={filters.kind} options={LIGHT_KINDS.map((k) => [k, `${LIGHT_KIND_LABELS[k]}红灯`] as const)} allLabel="任一红灯" />
        <Button type="submit">
          筛选
        </Button>
      </form>
      {errors.length > 0 && (
        <Alert tone="warning" className="mb-3">
          以下筛选条件无效，已忽略：{errors.join("；")}
        </Alert>
      )}
      <p className="mb-2 text-sm text-slate-700" data-testid="red-total">
        红灯项目 <strong className="text-red-700">{result.total}</strong> 个
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有红灯项目</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="red-list">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">序号</th>
                <th className="px-3 py-2">园区</th>
                <th className="px-3 py-2">项目</th>
                <th className="px-3 py-2">阶段</th>
                <th className="px-3 py-2">亮灯</th>
                <th className="px-3 py-2">原因</th>
                <th className="px-3 py-2">包保责任人</th>
                <th className="px-3 py-2">包保领导</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r, i) => (
                <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="red-row" data-project-id={r.id}>
                  <td className="px-3 py-2 tabular-nums text-slate-500">{(result.page - 1) * result.pageSize + i + 1}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{r.parkName}</td>
                  <td className="px-3 py-2">
                    <Link href={`/projects/${r.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                      {r.name}
                    </Link>
                    <div className="text-xs text-slate-400">
                      {r.code} · {r.enterpriseName}
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{STAGE_LABELS[r.stage as Stage]}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-col gap-1">
                      {LIGHT_KINDS.filter((k) => r.light[k] === "RED" || r.light[k] === "YELLOW").map((k) => (
                        <RuleLight key={k} kind={k} light={r.light[k]} />
                      ))}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-xs text-slate-700">
                    <ul className="space-y-0.5">
                      {r.light.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{r.liaisonName ?? "未分配"}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{r.leaderName ?? "未分配"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/warnings" params={{ park: filters.park, kind: filters.kind }} page={result.page} pageCount={pageCount} total={result.total} />
    </>
  );
}
