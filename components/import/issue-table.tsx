"use client";

import { useState } from "react";
import type { RowIssue } from "@/lib/validation/ledger-import";
import { Button } from "@/components/ui/button";

const PAGE = 50;

/** Problems by row and column, 50 a page (a bad file can have thousands). */
export function IssueTable({ issues }: { issues: RowIssue[] }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE));
  const shown = issues.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div>
      <div className="overflow-x-auto rounded border border-red-200 bg-white">
        <table className="min-w-full text-sm" aria-label="检查发现的问题">
          <thead className="bg-red-50 text-left text-red-900">
            <tr>
              <th className="w-20 px-3 py-2">行号</th>
              <th className="w-40 px-3 py-2">列</th>
              <th className="px-3 py-2">问题</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, n) => (
              <tr key={`${i.row}-${i.column}-${n}`} className="border-t border-red-100 text-slate-800">
                <td className="px-3 py-2 tabular-nums">{i.row > 0 ? `第 ${i.row} 行` : "整个文件"}</td>
                <td className="px-3 py-2">{i.column || "—"}</td>
                <td className="px-3 py-2">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
