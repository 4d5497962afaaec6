import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { viewOperations } from "@/lib/api/openapi-view";
import { API_ERROR_EN, API_ERROR_STATUS, type ApiErrorCode } from "@/lib/api/errors";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/rate-limit";
import { API_TOKEN_GRANTS } from "@/lib/domain/api-tokens";
import { getT } from "@/lib/i18n/server";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { OperationCard } from "@/components/api-docs/operation-card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("apiDocs");
  return { title: t("title") };
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100">{children}</pre>;
}

/** The REST API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves (in the reader's language). */
export default async function ApiDocsPage() {
  const actor = await requireActor();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  const origin = `${proto}://${host}`;
  const locale = await getRequestLocale();
  // The reader's language: the document's texts and the view's words alike.
  const doc = buildOpenApiDocument(locale) as unknown as Parameters<typeof viewOperations>[0] & { info: { version: string } };
  const groups = viewOperations(doc, origin, locale).map((g) => ({ ...g, operations: [...g.operations].sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method)) }));
  const t = await getT("apiDocs");
  const errorCodes = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { version: doc.info.version })}>
        <div className="no-print flex gap-4 text-sm">
          <a href={locale === "en" ? "/api/v1/openapi.json?lang=en" : "/api/v1/openapi.json"} className="text-brand-700 hover:underline">
            {t("openapi")}
          </a>
          {can(actor, "apiToken.manage") && (
            <Link href="/admin/api-tokens" className="text-brand-700 hover:underline">
              {t("manageTokens")}
            </Link>
          )}
        </div>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label={t("toc")} className="no-print self-start rounded-lg border border-slate-200 bg-white p-3 text-sm lg:sticky lg:top-4">
          <p className="mb-1 font-semibold text-slate-700">{t("overview")}</p>
          <ul className="mb-3 space-y-0.5 text-slate-600">
            <li><a href="#auth" className="hover:underline">{t("authHeading")}</a></li>
            <li><a href="#errors" className="hover:underline">{t("errorsHeading")}</a></li>
            <li><a href="#limits" className="hover:underline">{t("limitsHeading")}</a></li>
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
            <h2 className="text-base font-semibold text-slate-900">{t("authHeading")}</h2>
            <p>
              {t("auth.headerBefore")} <code className="font-mono">Authorization: Bearer &lt;{t("auth.token")}&gt;</code>
              {t("auth.headerAfter")}
            </p>
            <DataTable
              dense
              rows={["READ", "READ_WRITE"] as const}
              rowKey={(s) => s}
              columns={[
                {
                  header: t("auth.scope"),
                  cell: (s) => (
                    <>
                      {t(`scope.${s}`)} <span className="font-mono text-slate-400">{s}</span>
                    </>
                  ),
                },
                { header: t("auth.grants"), cell: (s) => API_TOKEN_GRANTS[s].join(", "), className: "font-mono text-slate-600" },
              ]}
            />
            <p className="text-slate-600">{t("auth.notForTokens")}</p>
            <Code>{`export PPT_TOKEN='ppt_xxxxxxxx_…'\ncurl '${origin}/api/v1/projects?stage=STARTED&limit=20' -H "Authorization: Bearer $PPT_TOKEN"`}</Code>
          </section>

          <section id="errors" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <h2 className="text-base font-semibold text-slate-900">{t("errorsHeading")}</h2>
            <p>{t("errors.intro")}</p>
            <Code>{JSON.stringify({ error: { code: "VALIDATION", message: { zh: "请检查标红的字段", en: API_ERROR_EN.VALIDATION }, fields: [{ path: "landed.date", message: "请填写落地日期" }] } }, null, 2)}</Code>
            <DataTable
              dense
              rows={errorCodes}
              rowKey={(c) => c}
              columns={[
                { header: "HTTP", cell: (c) => API_ERROR_STATUS[c], className: "font-mono" },
                { header: "code", cell: (c) => c, className: "font-mono" },
                { header: t("errors.meaning"), cell: (c) => API_ERROR_EN[c], className: "text-slate-600" },
              ]}
            />
          </section>

          <section id="limits" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm leading-relaxed text-slate-700">
            <h2 className="text-base font-semibold text-slate-900">{t("limitsHeading")}</h2>
            <p>
              {t("limits.rateBefore", { limit: API_RATE_LIMIT_PER_MINUTE })}
              <code className="font-mono">Retry-After</code> {t("limits.rateMiddle")}{" "}
              <code className="font-mono">X-RateLimit-Limit</code> {t("limits.and")} <code className="font-mono">X-RateLimit-Remaining</code>
              {t("limits.rateEnd")}
            </p>
            <p>
              {t("limits.pagingBefore")} <code className="font-mono">nextCursor</code> {t("limits.pagingAs")} <code className="font-mono">cursor</code>
              {t("limits.pagingAfter")}{" "}
              <code className="font-mono">version</code>
              {t("limits.pagingEnd")}
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
