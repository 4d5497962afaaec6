import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AuditChange } from "@/lib/domain/audit-changes";
import type { AuditRow } from "@/lib/server/audit/list-audit";
import { DataTable, ROW } from "@/components/ui/data-table";
import { termIn } from "@/lib/i18n/server-messages";

/** "2026/10/5 09:30:00" in Chinese, "05/10/2026, 09:30:00" in English (day first, as lib/i18n/format.ts writes dates), Beijing time. */
function timeFormat(locale: string) {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });
}

/** Lines shown before the rest folds away: a project's creation records thirty fields. */
const SHOWN = 6;

function ChangeLine({ c }: { c: AuditChange }) {
  const t = useTranslations("audit.table");
  const locale = useLocale();
  const both = c.before !== undefined && c.after !== undefined;
  return (
    <li>
      <span className="text-slate-500">{t("field", { label: termIn(c.label, locale) })}</span>
      {both ? (
        <>
          <span className="text-slate-500 line-through decoration-slate-300">{c.before ?? t("blank")}</span>
          <span className="mx-1 text-slate-400">→</span>
          <span className="text-slate-900">{c.after ?? t("blank")}</span>
        </>
      ) : (
        <span className="text-slate-800">{c.after ?? c.before}</span>
      )}
    </li>
  );
}

function Changes({ changes }: { changes: AuditChange[] }) {
  const t = useTranslations("audit.table");
  if (changes.length === 0) return <span className="text-slate-400">—</span>;
  const rest = changes.slice(SHOWN);
  return (
    <div className="text-xs leading-5" data-testid="audit-changes">
      <ul>
        {changes.slice(0, SHOWN).map((c) => (
          <ChangeLine key={c.key} c={c} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details>
          <summary className="cursor-pointer text-brand-600">{t("more", { count: rest.length })}</summary>
          <ul>
            {rest.map((c) => (
              <ChangeLine key={c.key} c={c} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The audit rows: when, who (a link that narrows the list to them), what, on which record, and the change itself. */
export function AuditTable({ rows, personHref }: { rows: AuditRow[]; personHref: (actorId: number) => string }) {
  const t = useTranslations("audit.table");
  const labels = useAuditLabels();
  const format = timeFormat(useLocale());
  return (
    <DataTable
      testId="audit-table"
      rows={rows}
      rowKey={(r) => r.id}
      rowClassName={() => `${ROW} align-top`}
      rowProps={(r) => ({ "data-action": r.action })}
      empty={t("empty")}
      columns={[
        {
          header: t("time"),
          cell: (r) => (
            <>
              {format.format(r.createdAt)}
              {r.ip && <div className="text-xs text-slate-400">{t("ip", { ip: r.ip })}</div>}
            </>
          ),
          className: "whitespace-nowrap tabular-nums text-slate-600",
        },
        {
          header: t("actor"),
          cell: (r) =>
            r.actor ? (
              <Link href={personHref(r.actor.id)} className="hover:text-brand-600" title={t("onlyActor", { name: r.actor.name })}>
                {r.actor.name}
                <div className="text-xs text-slate-400">{r.actor.username}</div>
              </Link>
            ) : (
              <span className="text-slate-400">{t("system")}</span>
            ),
          className: "whitespace-nowrap",
        },
        { header: t("action"), cell: (r) => labels.action(r.action, r.actionLabel), cellProps: (r) => ({ title: r.action }), className: "whitespace-nowrap" },
        {
          header: t("object"),
          cell: (r) => (
            <>
              <span className="text-xs text-slate-500">{labels.entity(r.entityType, r.entityLabel)}</span>{" "}
              {r.entityHref ? (
                <Link href={r.entityHref} className="text-brand-600 hover:underline">
                  {r.entityName}
                </Link>
              ) : (
                <span className="text-slate-800">{r.entityName ?? (/^\d+$/.test(r.entityId) ? `#${r.entityId}` : r.entityId)}</span>
              )}
              {r.parkName && <div className="text-xs text-slate-400">{r.parkName}</div>}
            </>
          ),
        },
        { header: t("changes"), cell: (r) => <Changes changes={r.changes} />, className: "min-w-[18rem]" },
      ]}
    />
  );
}

/**
 * The audit log's words for actions and record types in the page's language (messages
 * audit.actions / audit.entities, the Chinese equal to lib/domain/audit-labels.ts by test);
 * one recorded before the list knew it keeps the server's label (its code).
 */
export function useAuditLabels() {
  const t = useTranslations("audit");
  return {
    action: (action: string, fallback: string) => (t.has(`actions.${action}` as "actions.auth.signIn") ? t(`actions.${action}` as "actions.auth.signIn") : fallback),
    entity: (entityType: string, fallback: string) => (t.has(`entities.${entityType}` as "entities.Project") ? t(`entities.${entityType}` as "entities.Project") : fallback),
    group: (key: string) => t(`groups.${key}` as "groups.system"),
  };
}
