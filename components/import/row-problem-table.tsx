"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

const PAGE = 50;

/** The problems an uploaded ledger has, by row and column, 50 a page (a bad file can have thousands). */
export function RowProblemTable({ issues }: { issues: RowIssue[] }) {
  const t = useTranslations("importLedger");
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE));
  const shown = issues.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div>
      <DataTable
        aria-label={t("problems.label")}
        rows={shown}
        rowKey={(i, n) => `${i.row}-${i.column}-${n}`}
        frameClassName="rounded border border-red-200 bg-white"
        headClassName="bg-red-50 text-left text-red-900"
        rowClassName={() => "border-t border-red-100 text-slate-800"}
        columns={[
          { header: t("problems.row"), cell: (i) => (i.row > 0 ? t("problems.rowN", { row: i.row }) : t("problems.wholeFile")), className: "tabular-nums", headerClassName: "w-20" },
          { header: t("problems.column"), cell: (i) => i.column || "—", headerClassName: "w-40" },
          { header: t("problems.problem"), cell: (i) => i.message },
        ]}
      />
      {pages > 1 && (
        <nav aria-label={t("problems.paging")} className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-500">
            {t("problems.summary", { count: issues.length, page: page + 1, pages })}
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
