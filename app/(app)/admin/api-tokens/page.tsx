import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/rate-limit";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { apiTokenListSchema } from "@/lib/validation/api-tokens";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenTable } from "@/components/api-tokens/token-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "接口令牌" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "apiToken.manage");
  const sp = await searchParams;
  const filters = apiTokenListSchema.parse({ page: sp.page, pageSize: 20, active: sp.active });
  const now = new Date();
  const [list, parks] = await Promise.all([listApiTokens(actor, filters, now), listVisibleParks(actor)]);
  const tab = "rounded border px-3 py-1 text-sm";
  return (
    <>
      <PageHeader
        title="接口令牌"
        subtitle={`供其他系统通过 REST API 读取或写入台账；令牌限定园区与权限，每个令牌每分钟最多 ${API_RATE_LIMIT_PER_MINUTE} 次请求`}
      >
        <Link href="/api-docs" className="no-print text-sm text-brand-700 hover:underline">
          查看接口文档 ›
        </Link>
      </PageHeader>
      <section className="mb-6">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">创建令牌</h2>
        <CreateTokenForm parks={parks.map((p) => ({ id: p.id, name: p.name, regionName: p.region.name }))} today={todayInShanghai()} />
      </section>
      <section>
        <div className="mb-2 flex items-center justify-between gap-3">
          <h2 className="text-sm font-semibold text-slate-700">已创建的令牌</h2>
          <nav aria-label="筛选" className="no-print flex gap-2">
            <Link href="/admin/api-tokens" aria-current={!filters.active ? "page" : undefined} className={`${tab} ${!filters.active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}>
              全部
            </Link>
            <Link href="/admin/api-tokens?active=1" aria-current={filters.active ? "page" : undefined} className={`${tab} ${filters.active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}>
              仅有效
            </Link>
          </nav>
        </div>
        <TokenTable items={list.items} now={now} />
        {list.pageCount > 1 && <Pagination basePath="/admin/api-tokens" params={{ active: filters.active }} page={list.page} pageCount={list.pageCount} total={list.total} />}
      </section>
    </>
  );
}
