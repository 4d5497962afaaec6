import { API_TOKEN_SCOPE_LABELS, tokenUnusable } from "@/lib/domain/api-tokens";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import type { ApiTokenListItem } from "@/lib/server/api-tokens/list-api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";

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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="token-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">名称</th>
            <th className="px-3 py-2">令牌前缀</th>
            <th className="px-3 py-2">权限</th>
            <th className="px-3 py-2">园区</th>
            <th className="px-3 py-2">最近使用</th>
            <th className="px-3 py-2">创建</th>
            <th className="px-3 py-2">有效期至</th>
            <th className="px-3 py-2">状态</th>
            <th className="px-3 py-2">
              <span className="sr-only">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={9} className="px-3 py-6 text-center text-slate-500">
                还没有接口令牌
              </td>
            </tr>
          )}
          {items.map((t) => {
            const state = tokenUnusable(t, now) ?? "active";
            return (
              <tr key={t.id} className="border-t border-slate-100 align-top" data-token-id={t.id}>
                <td className="px-3 py-2 font-medium text-slate-900">{t.name}</td>
                <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-700">ppt_{t.prefix}_…</td>
                <td className="whitespace-nowrap px-3 py-2">{API_TOKEN_SCOPE_LABELS[t.scope]}</td>
                <td className="px-3 py-2 text-slate-700">{t.parks.map((p) => p.name).join("、")}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{t.lastUsedAt ? formatDateTimeZh(t.lastUsedAt) : "从未使用"}</td>
                <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                  {t.createdByName}
                  <span className="block text-xs tabular-nums text-slate-400">{formatDateTimeZh(t.createdAt)}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{t.expiresAt ? lastDay(t.expiresAt) : "长期"}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE[state].cls}`}>{STATE[state].label}</span>
                  {t.revokedAt && <span className="mt-1 block text-xs tabular-nums text-slate-400">{formatDateTimeZh(t.revokedAt)}</span>}
                </td>
                <td className="px-3 py-2 text-right">{!t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
