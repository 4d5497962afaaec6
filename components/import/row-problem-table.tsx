"use client";

import { useState } from "react";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

const PAGE = 50;

/** The problems an uploaded ledger has, by row and column, 50 a page (a bad file can have thousands). */
export function RowProblemTable({ issues }: { issues: RowIssue[] }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE));
  const shown = issues.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div>
      <DataTable
        aria-label="检查发现的问题"
        rows={shown}
        rowKey={(i, n) => `${i.row}-${i.column}-${n}`}
        frameClassName="rounded border border-red-200 bg-white"
        headClassName="bg-red-50 text-left text-red-900"
        rowClassName={() => "border-t border-red-100 text-slate-800"}
        columns={[
          { header: "行号", cell: (i) => (i.row > 0 ? `第 ${i.row} 行` : "整个文件"), className: "tabular-nums", headerClassName: "w-20" },
          { header: "列", cell: (i) => i.column || "—", headerClassName: "w-40" },
          { header: "问题", cell: (i) => i.message },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="问题分页" className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-500">
            共 {issues.length} 个问题，第 {page + 1}/{pages} 页
          </span>
          <Button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} variant="secondary" size="sm">
            上一页
          </Button>
          <Button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} variant="secondary" size="sm">
            下一页
          </Button>
        </nav>
      )}
    </div>
  );
}
