import { useTranslations } from "next-intl";
import type { ViewOperation } from "@/lib/api/openapi-view";
import { SchemaTable } from "./schema-table";
import { DataTable, ROW } from "@/components/ui/data-table";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  patch: "bg-amber-100 text-amber-800",
  put: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100">{children}</pre>;
}

/** Text with `code` spans, as the document's descriptions write them. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OperationCard({ op }: { op: ViewOperation }) {
  const t = useTranslations("apiDocs.op");
  return (
    <article id={op.id} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="api-operation">
      <header className="flex flex-wrap items-baseline gap-3">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[op.method] ?? "bg-slate-100"}`}>{op.method}</span>
        <code className="min-w-0 break-all font-mono text-sm font-semibold text-slate-900">/api/v1{op.path}</code>
        <h3 className="text-sm font-semibold text-slate-800">{op.summary}</h3>
        <span className="ml-auto text-xs text-slate-500">{op.isPublic ? t("public") : t("permission", { permission: String(op.permission) })}</span>
      </header>
      {op.description && (
        <p className="mt-2 text-sm leading-relaxed text-slate-600">
          <RichText text={op.description} />
        </p>
      )}

      {op.params.length > 0 && (
        <section className="mt-3">
          <h4 className="mb-1 text-xs font-semibold text-slate-700">{t("params")}</h4>
          <DataTable
            dense
            rows={op.params}
            rowKey={(p) => `${p.in}-${p.name}`}
            rowClassName={() => `${ROW} align-top`}
            headClassName="whitespace-nowrap bg-slate-100 text-left text-slate-600"
            columns={[
              { header: t("col.name"), cell: (p) => p.name, className: "whitespace-nowrap font-mono text-slate-900" },
              { header: t("col.in"), cell: (p) => (p.in === "path" ? t("inPath") : t("inQuery")), className: "text-slate-500" },
              { header: t("col.type"), cell: (p) => p.type, className: "font-mono text-slate-600" },
              { header: t("col.required"), cell: (p) => (p.required ? <span className="font-medium text-red-700">{t("yes")}</span> : <span className="text-slate-400">{t("no")}</span>) },
              { header: t("col.description"), cell: (p) => p.description, className: "text-slate-700" },
              { header: t("col.rules"), cell: (p) => p.rules, className: "text-slate-500" },
            ]}
          />
        </section>
      )}

      {op.body && (
        <section className="mt-3 space-y-2">
          <h4 className="text-xs font-semibold text-slate-700">{t("body")}</h4>
          {op.body.map((v) => (
            <SchemaTable key={v.title || "body"} rows={v.rows} caption={v.title || undefined} />
          ))}
        </section>
      )}

      <section className="mt-3 space-y-2">
        <h4 className="text-xs font-semibold text-slate-700">
          {t("success", { status: String(op.success.status) })}
          {op.success.schemaName && <span className="ml-2 font-mono font-normal text-slate-500">{op.success.schemaName}</span>}
          <span className="ml-2 font-normal text-slate-500">{op.success.description}</span>
        </h4>
        {op.success.rows.length > 0 && (
          <details>
            <summary className="cursor-pointer text-xs text-brand-700">{t("fields", { count: op.success.rows.length })}</summary>
            <div className="mt-2">
              <SchemaTable rows={op.success.rows} />
            </div>
          </details>
        )}
        {op.errors.length > 0 && (
          <p className="text-xs text-slate-600">
            {t("errors")}
            {op.errors.map((e) => (
              <span key={e.status} className="mr-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 font-mono">
                {e.status} {e.code}
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="mt-3">
        <h4 className="mb-1 text-xs font-semibold text-slate-700">{t("example")}</h4>
        <Code>{op.curl}</Code>
      </section>
    </article>
  );
}
