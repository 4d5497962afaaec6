import { API_TOKEN_SCOPE_LABELS, tokenUnusable } from "@/lib/domain/api-tokens";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import type { ApiTokenListItem } from "@/lib/server/api-tokens/list-api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";
import { DataTable, ROW } from "@/components/ui/data-table";

const STATE = {
  active: { label: "有效", cls: "bg-emerald-100 text-emerald-800" },
  revoked: { label: "已吊销", cls: "bg-slate-200 text-slate-700" },
  expired: { label: "已过期", cls: "bg-amber-100 text-amber-800" },
} as const;

/** Last day a token works, from its expiry instant (the end of that day in Shanghai). */
function lastDay(expiresAt: Date): string {
  return formatDateTimeZh(new Date(expiresAt.getTime() - 1)).split(" ")[0];
}

export function TokenTable({ items, now }: { items: ApiTokenListItem[]; now: Date }) {
  return (
    <DataTable
      testId="token-table"
      rows={items}
      rowKey={(t) => t.id}
      rowClassName={() => `${ROW} align-top`}
      rowProps={(t) => ({ "data-token-id": t.id })}
      empty="还没有接口令牌"
      columns={[
        { header: "名称", cell: (t) => t.name, className: "font-medium text-slate-900" },
        { header: "令牌前缀", cell: (t) => `ppt_${t.prefix}_…`, className: "whitespace-nowrap font-mono text-xs text-slate-700" },
        { header: "权限", cell: (t) => API_TOKEN_SCOPE_LABELS[t.scope], className: "whitespace-nowrap" },
        { header: "园区", cell: (t) => t.parks.map((p) => p.name).join("、"), className: "text-slate-700" },
        { header: "最近使用", cell: (t) => (t.lastUsedAt ? formatDateTimeZh(t.lastUsedAt) : "从未使用"), className: "whitespace-nowrap tabular-nums text-slate-600" },
        {
          header: "创建",
          cell: (t) => (
            <>
              {t.createdByName}
              <span className="block text-xs tabular-nums text-slate-400">{formatDateTimeZh(t.createdAt)}</span>
            </>
          ),
          className: "whitespace-nowrap text-slate-600",
        },
        { header: "有效期至", cell: (t) => (t.expiresAt ? lastDay(t.expiresAt) : "长期"), className: "whitespace-nowrap tabular-nums text-slate-600" },
        {
          header: "状态",
          cell: (t) => {
            const state = tokenUnusable(t, now) ?? "active";
            return (
              <>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE[state].cls}`}>{STATE[state].label}</span>
                {t.revokedAt && <span className="mt-1 block text-xs tabular-nums text-slate-400">{formatDateTimeZh(t.revokedAt)}</span>}
              </>
            );
          },
          className: "whitespace-nowrap",
        },
        { key: "actions", header: <span className="sr-only">操作</span>, cell: (t) => !t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} />, align: "right" },
      ]}
    />
  );
}
