import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { METRICS, METRIC_LABELS, type Metric } from "@/lib/domain/indicators";
import { COUNT_LABELS } from "@/lib/domain/published-bulletins";
import { formatMoneyIn } from "@/lib/i18n/format";
import type { LiveDiff } from "@/lib/server/bulletin/compare-published";
import { Alert } from "@/components/ui/alert";
import { metricLabel } from "@/components/dashboard/labels";
import { formatPublishedAtIn } from "./format";

const MONEY = /（万元）$/;

type CountKey = keyof typeof COUNT_LABELS;
const isCountKey = (key: string): key is CountKey => key in COUNT_LABELS;
/** The drill-down set a figure's label (METRIC_LABELS, as the server names them) stands for. */
const metricOf = (label: string): Metric | undefined => METRICS.find((m) => METRIC_LABELS[m] === label);

/**
 * The notice on a published month: today's figures differ from the published ones. Says
 * which counts moved (published → today), and lists the projects behind it with what
 * changed for each (entered or left a figure, ledger record or monthly report changed).
 */
export function LiveDiffNotice({ diff, what }: { diff: LiveDiff; what: "live" | "published" }) {
  const t = useTranslations("bulletin");
  const td = useTranslations("dashboard");
  const locale = useLocale();
  const more = diff.projects.total - diff.projects.items.length;
  const at = (iso: string) => formatPublishedAtIn(locale, iso);
  // "合同引资额" and "50.40 亿元" for a money count; the label and the number for the others.
  const line = (c: LiveDiff["counts"][number]) => {
    const money = MONEY.test(c.label);
    const label = isCountKey(c.key) ? t(`count.${c.key}`).replace(MONEY, "") : c.label.replace(MONEY, "");
    const value = (v: string) => (money && v !== "—" ? formatMoneyIn(locale, v) : v);
    return t("diff.count", { label, published: value(c.published), live: value(c.live) });
  };
  const figures = (labels: string[]) =>
    labels
      .map((l) => {
        const m = metricOf(l);
        return m ? metricLabel(td, m) : l;
      })
      .join(t("listSeparator"));
  return (
    <Alert tone="warning" className="no-print space-y-2" testId="live-diff-notice" role="status">
      <p className="font-medium">{what === "live" ? t("diff.live", { at: at(diff.publishedAt) }) : t("diff.published")}</p>
      {diff.counts.length > 0 && (
        <ul className="list-disc pl-5" data-testid="live-diff-counts">
          {diff.counts.map((c) => (
            <li key={c.key}>{line(c)}</li>
          ))}
        </ul>
      )}
      {diff.parks.length > 0 && <p>{t("diff.parks", { parks: diff.parks.map((p) => p.parkName).join(t("listSeparator")) })}</p>}
      {diff.projects.items.length > 0 && (
        <div>
          <p>{t("diff.projects", { count: diff.projects.total })}</p>
          <ul className="mt-1 space-y-0.5 pl-5" data-testid="live-diff-projects">
            {diff.projects.items.map((p) => (
              <li key={p.id} data-project-id={p.id}>
                <Link href={`/projects/${p.id}`} className="font-medium underline">
                  {p.name}
                </Link>
                <span className="text-xs">{t("diff.projectMeta", { code: p.code, park: p.parkName })}</span>
                {[
                  p.entered.length > 0 ? t("diff.entered", { list: figures(p.entered) }) : null,
                  p.left.length > 0 ? t("diff.left", { list: figures(p.left) }) : null,
                  p.recordChangedAt ? t("diff.recordChanged", { at: at(p.recordChangedAt) }) : null,
                  p.reportChangedAt ? t("diff.reportChanged", { at: at(p.reportChangedAt) }) : null,
                ]
                  .filter(Boolean)
                  .map((text) => (
                    <span key={text} className="ml-2 text-xs">
                      {text}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
          {more > 0 && <p className="text-xs">{t("diff.more", { count: more })}</p>}
        </div>
      )}
    </Alert>
  );
}
