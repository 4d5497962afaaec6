import { useLocale, useTranslations } from "next-intl";
import { tokenUnusable } from "@/lib/domain/api-tokens";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatDateIn, formatDateTimeIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ApiTokenListItem } from "@/lib/server/api-tokens/list-api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";
import { DataTable, ROW } from "@/components/ui/data-table";

const STATE = {
  active: "bg-emerald-100 text-emerald-800",
  revoked: "bg-slate-200 text-slate-700",
  expired: "bg-amber-100 text-amber-800",
} as const;

/** Last day a token works, from its expiry instant (the end of that day in Shanghai). */
function lastDay(locale: Locale, expiresAt: Date): string {
  return formatDateIn(locale, todayInShanghai(new Date(expiresAt.getTime() - 1)));
}

export function TokenTable({ items, now }: { items: ApiTokenListItem[]; now: Date }) {
  const t = useTranslations("admin.tokens");
  const locale = useLocale() as Locale;
  return (
    <DataTable
      testId="token-table"
      rows={items}
      rowKey={(k) => k.id}
      rowClassName={() => `${ROW} align-top`}
      rowProps={(k) => ({ "data-token-id": k.id })}
      empty={t("empty")}
      columns={[
        { header: t("col.name"), cell: (k) => k.name, className: "font-medium text-slate-900" },
        { header: t("col.prefix"), cell: (k) => `ppt_${k.prefix}_…`, className: "whitespace-nowrap font-mono text-xs text-slate-700" },
        { header: t("col.scope"), cell: (k) => t(`scope.${k.scope}`), className: "whitespace-nowrap" },
        { header: t("col.parks"), cell: (k) => k.parks.map((p) => p.name).join(t("parkSeparator")), className: "text-slate-700" },
        { header: t("col.lastUsed"), cell: (k) => (k.lastUsedAt ? formatDateTimeIn(locale, k.lastUsedAt) : t("neverUsed")), className: "whitespace-nowrap tabular-nums text-slate-600" },
        {
          header: t("col.created"),
          cell: (k) => (
            <>
              {k.createdByName}
              <span className="block text-xs tabular-nums text-slate-400">{formatDateTimeIn(locale, k.createdAt)}</span>
            </>
          ),
          className: "whitespace-nowrap text-slate-600",
        },
        { header: t("col.expires"), cell: (k) => (k.expiresAt ? lastDay(locale, k.expiresAt) : t("noExpiry")), className: "whitespace-nowrap tabular-nums text-slate-600" },
        {
          header: t("col.status"),
          cell: (k) => {
            const state = tokenUnusable(k, now) ?? "active";
            return (
              <>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE[state]}`}>{t(`state.${state}`)}</span>
                {k.revokedAt && <span className="mt-1 block text-xs tabular-nums text-slate-400">{formatDateTimeIn(locale, k.revokedAt)}</span>}
              </>
            );
          },
          className: "whitespace-nowrap",
        },
        { key: "actions", header: <span className="sr-only">{t("col.actions")}</span>, cell: (k) => !k.revokedAt && <RevokeTokenButton id={k.id} name={k.name} />, align: "right" },
      ]}
    />
  );
}
