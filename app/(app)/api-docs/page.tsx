import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { viewOperations } from "@/lib/api/openapi-view";
import { API_ERROR_EN, API_ERROR_STATUS, type ApiErrorCode } from "@/lib/api/errors";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/rate-limit";
import { API_TOKEN_GRANTS, API_TOKEN_SCOPE_LABELS } from "@/lib/domain/api-tokens";
import { OperationCard } from "@/components/api-docs/operation-card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "接口文档" };

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100">{children}</pre>;
}

/** The REST API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const actor = await requireActor();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const origin = `${proto}://${host}`;
  const doc = buildOpenApiDocument() as unknown as Parameters<typeof viewOperations>[0] & { info: { version: string } };
  const groups = viewOperations(doc, origin).map((g) => ({ ...g, operations: [...g.operations].sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)) }));
  const errorCodes = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

  return (
    <>
      <PageHeader title="接口文档" subtitle={`REST API v${doc.info.version} · 路径前缀 /api/v1 · JSON · 规则与权限与网页一致`}>
        <div className="no-print flex gap-4 text-sm">
          <a href="/api/v1/openapi.json" className="text-brand-700 hover:underline">
            OpenAPI 3.1 文档（JSON）
          </a>
          {can(actor, "apiToken.manage") && (
            <Link href="/admin/api-tokens" className="text-brand-700 hover:underline">
              管理接口令牌 ›
            </Link>
          )}
        </div>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="目录" className="no-print self-start rounded-lg border border-slate-200 bg-white p-3 text-sm lg:sticky lg:top-4">
          <p className="mb-1 font-semibold text-slate-700">概述</p>
          <ul className="mb-3 space-y-0.5 text-slate-600">
            <li><a href="#auth" className="hover:underline">认证与令牌</a></li>
            <li><a href="#errors" className="hover:underline">错误格式</a></li>
            <li><a href="#limits" className="hover:underline">限流与分页</a></li>
          </ul>
          {groups.map((g) => (
            <div key={g.tag} className="mb-2">
              <p className="font-semibold text-slate-700">{g.tag}</p>
              <ul className="space-y-0.5">
                {g.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#${op.id}`} title={`${op.method.toUpperCase()} ${op.path}`} className="block truncate text-xs text-slate-600 hover:underline">
                      <span className="inline-block w-11 font-mono uppercase text-slate-400">{op.method}</span>
                      {op.path}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>

        <div className="min-w-0 space-y-8">
          <section id="auth" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-700">
            <h2 className="text-base font-semibold text-slate-900">认证与令牌</h2>
            <p>
              每个请求带请求头 <code className="font-mono">Authorization: Bearer &lt;令牌&gt;</code>。令牌由系统管理员在“接口令牌”页面创建，创建时只显示一次；系统只保存其 SHA-256 摘要。令牌限定可访问的园区，访问其他园区的记录一律返回
              404（与不存在相同）。已吊销、已过期的令牌返回 401。网页登录后的会话同样可以调用（供本系统页面使用）。
            </p>
            <DataTable
              dense
              rows={["READ", "READ_WRITE"] as const}
              rowKey={(s) => s}
              columns={[
                {
                  header: "权限",
                  cell: (s) => (
                    <>
                      {API_TOKEN_SCOPE_LABELS[s]} <span className="font-mono text-slate-400">{s}</span>
                    </>
                  ),
                },
                { header: "包含", cell: (s) => API_TOKEN_GRANTS[s].join(", "), className: "font-mono text-slate-600" },
              ]}
            />
            <p className="text-slate-600">后退更正、暂缓/终止、指派包保、审批延期等操作不开放给令牌，须由相应人员登录后在网页上办理。令牌写入的审计记录记在创建令牌的管理员名下。</p>
            <Code>{`export PPT_TOKEN='ppt_xxxxxxxx_…'\ncurl '${origin}/api/v1/projects?stage=STARTED&limit=20' -H "Authorization: Bearer $PPT_TOKEN"`}</Code>
          </section>

          <section id="errors" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <h2 className="text-base font-semibold text-slate-900">错误格式</h2>
            <p>所有错误都是同一种 JSON：中文与英文说明，以及逐个字段的问题（path 为请求中的字段路径）。</p>
            <Code>{JSON.stringify({ error: { code: "VALIDATION", message: { zh: "请检查标红的字段", en: API_ERROR_EN.VALIDATION }, fields: [{ path: "landed.date", message: "请填写落地日期" }] } }, null, 2)}</Code>
            <DataTable
              dense
              rows={errorCodes}
              rowKey={(c) => c}
              columns={[
                { header: "HTTP", cell: (c) => API_ERROR_STATUS[c], className: "font-mono" },
                { header: "code", cell: (c) => c, className: "font-mono" },
                { header: "含义", cell: (c) => API_ERROR_EN[c], className: "text-slate-600" },
              ]}
            />
          </section>

          <section id="limits" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-700">
            <h2 className="text-base font-semibold text-slate-900">限流与分页</h2>
            <p>
              每个令牌每分钟最多 {API_RATE_LIMIT_PER_MINUTE} 次请求（任意 60 秒内，所有服务器进程合计）；超出返回 429，<code className="font-mono">Retry-After</code> 头给出需等待的秒数。每个响应带{" "}
              <code className="font-mono">X-RateLimit-Limit</code> 与 <code className="font-mono">X-RateLimit-Remaining</code>。
            </p>
            <p>
              项目列表按 id 升序、用游标分页：把响应中的 <code className="font-mono">nextCursor</code> 作为下一次请求的 <code className="font-mono">cursor</code>，直到它为 null。问题列表用页码（page、pageSize）。修改类请求须带读取时的{" "}
              <code className="font-mono">version</code>，他人已修改时返回 409。金额为万元、两位小数的字符串；日期为 YYYY-MM-DD（北京时间）。
            </p>
          </section>

          {groups.map((g) => (
            <section key={g.tag} className="space-y-3">
              <h2 className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">{g.tag}</h2>
              {g.operations.map((op) => (
                <OperationCard key={op.id} op={op} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
