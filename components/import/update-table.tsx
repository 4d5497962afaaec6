"use client";

import Link from "next/link";
import { useState } from "react";
import type { ImportPreview } from "@/lib/server/excel/preview-import";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

const PAGE = 50;

type Update = ImportPreview["updates"][number];

const shown = (v: string | null) => (v === null ? <span className="text-slate-400">（空）</span> : v);

/** The projects an import would change, each with its fields before → after, 50 a page. */
export function UpdateTable({ updates, total }: { updates: Update[]; total: number }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(updates.length / PAGE));
  const rows = updates.slice(page * PAGE, page * PAGE + PAGE);
  return (
    <div>
      <DataTable
        aria-label="将更新的项目"
        rows={rows}
        rowKey={(u) => u.projectId}
        frameClassName="rounded border border-slate-200"
        rowProps={(u) => ({ "data-code": u.code })}
        columns={[
          { header: "行号", cell: (u) => u.row, className: "tabular-nums align-top", headerClassName: "w-14" },
          {
            header: "项目",
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
            header: "修改（原值 → 新值）",
            cell: (u) => (
              <ul className="space-y-0.5">
                {u.changes.map((c) => (
                  <li key={c.field} data-field={c.field}>
                    <span className="text-slate-500">{c.column}：</span>
                    <del className="text-slate-500">{shown(c.before)}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">改为</span>
                    <ins className="font-medium text-emerald-800 no-underline">{shown(c.after)}</ins>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {(pages > 1 || total > updates.length) && (
        <nav aria-label="更新列表分页" className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-500">
            共 {total.toLocaleString("zh-CN")} 个项目{total > updates.length ? `（列出前 ${updates.length.toLocaleString("zh-CN")} 个）` : ""}，第 {page + 1}/{pages} 页
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
