import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatYearMonthIn } from "@/lib/i18n/format";
import type { PublishedMeta } from "@/lib/server/bulletin/published-bulletin";
import { DataTable } from "@/components/ui/data-table";
import { formatPublishedAtIn } from "./format";
import { scopeNameIn } from "@/lib/domain/published-bulletins";

/** The published bulletins, every version: the current one of a month and scope, or replaced by a correction. */
export function PublishedTable({ rows }: { rows: PublishedMeta[] }) {
  const t = useTranslations("bulletin");
  const locale = useLocale();
  return (
    <DataTable
      aria-label={t("publishedList")}
      testId="published-bulletins"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-bulletin-id": r.id })}
      empty={t("list.empty")}
      columns={[
        {
          header: t("list.bulletin"),
          cell: (r) => (
            <Link href={`/bulletin/published/${r.id}`} className="font-medium text-brand-600 hover:underline">
              {t("list.name", { scope: scopeNameIn(r.scopeName, t("form.allParks")), month: formatYearMonthIn(locale, r) })}
            </Link>
          ),
        },
        { header: t("list.scope"), cell: (r) => (r.scope.park !== undefined ? t("list.scopePark") : t("list.scopeRegion")) },
        { header: t("list.version"), cell: (r) => `${t("list.revision", { revision: r.revision })}${r.supersedes ? t("list.corrected") : ""}` },
        {
          header: t("list.state"),
          cell: (r) =>
            r.supersededBy ? (
              <span className="text-amber-800">{t("list.supersededBy", { revision: r.supersededBy.revision })}</span>
            ) : (
              <span className="rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">{t("badge")}</span>
            ),
        },
        { header: t("list.publishedBy"), cell: (r) => r.publishedBy.name },
        { header: t("list.publishedAt"), cell: (r) => formatPublishedAtIn(locale, r.publishedAt), numeric: true },
        { header: t("list.reason"), cell: (r) => r.correctionReason ?? "—", className: "max-w-xs" },
      ]}
    />
  );
}
