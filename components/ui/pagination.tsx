import Link from "next/link";
import { useTranslations } from "next-intl";

type Params = Record<string, string | number | undefined>;

/** A list's filters as the URL parameters its links carry: those set, as text, without the page. */
export function filterParams(filters: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && k !== "page") out[k] = String(v);
  return out;
}

function hrefFor(basePath: string, params: Params, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && k !== "page") sp.set(k, String(v));
  if (page > 1) sp.set("page", String(page));
  const qs = sp.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export function Pagination({ basePath, params, page, pageCount, total }: { basePath: string; params: Params; page: number; pageCount: number; total: number }) {
  const pages = new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const link = "rounded border px-3 py-1 text-sm";
  const t = useTranslations("ui.pagination");
  return (
    <nav aria-label={t("label")} className="no-print mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="mr-2 text-slate-500">
        {t("summary", { total, page, pageCount })}
      </span>
      {page > 1 && (
        <Link className={`${link} border-slate-300 bg-white hover:bg-slate-100`} href={hrefFor(basePath, params, page - 1)}>
          {t("previous")}
        </Link>
      )}
      {sorted.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && sorted[i - 1] !== p - 1 && <span className="text-slate-400">…</span>}
          <Link
            href={hrefFor(basePath, params, p)}
            aria-current={p === page ? "page" : undefined}
            className={`${link} ${p === page ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {page < pageCount && (
        <Link className={`${link} border-slate-300 bg-white hover:bg-slate-100`} href={hrefFor(basePath, params, page + 1)}>
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
