"use client";

import Link from "next/link";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatCountIn } from "@/lib/i18n/format";
import type { ImportPreview } from "@/lib/server/excel/preview-import";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

const PAGE = 50;

type Update = ImportPreview["updates"][number];


/** The projects an import would change, each with its fields before → after, 50 a page. */
export function UpdateTable({ updates, total }: { updates: Update[]; total: number }) {
  const t = useTranslations("importLedger");
  const locale = useLocale();
  const shown = (v: string | null) => (v === null ? <span className="text-slate-400">{t("upload.empty")}</span> : v);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(updates.length / PAGE));
  const rows = updates.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div>
      <DataTable
        aria-label={t("updates.label")}
        rows={rows}
        rowKey={(u) => u.projectId}
        frameClassName="rounded border border-slate-200"
        rowProps={(u) => ({ "data-code": u.code })}
        columns={[
          { header: t("updates.row"), cell: (u) => u.row, className: "tabular-nums align-top", headerClassName: "w-14" },
          {
            header: t("updates.project"),
            className: "align-top",
            headerClassName: "w-64",
            cell: (u) => (
              <>
                <Link href={`/projects/${u.projectId}`} className="text-brand-600 hover:underline">
                  {u.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {u.code} · {u.parkName}
                </div>
              </>
            ),
          },
          {
            header: t("updates.changes"),
            cell: (u) => (
              <ul className="space-y-0.5">
                {u.changes.map((c) => (
                  <li key={c.field} data-field={c.field}>
                    <span className="text-slate-500">{t("updates.field", { column: c.column })}</span>
                    <del className="text-slate-500">{shown(c.before)}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">{t("updates.changedTo")}</span>
                    <ins className="font-medium text-emerald-800 no-underline">{shown(c.after)}</ins>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {(pages > 1 || total > updates.length) && (
        <nav aria-label={t("updates.paging")} className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-500">
            {total > updates.length
              ? t("updates.summaryFirst", { total: formatCountIn(locale, total), shown: formatCountIn(locale, updates.length), page: page + 1, pages })
              : t("updates.summary", { total: formatCountIn(locale, total), page: page + 1, pages })}
          </span>
          <Button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} variant="secondary" size="sm">
            {t("upload.previous")}
          </Button>
          <Button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} variant="secondary" size="sm">
            {t("upload.next")}
          </Button>
        </nav>
      )}
    </div>
  );
}
