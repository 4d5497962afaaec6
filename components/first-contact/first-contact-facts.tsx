import { useLocale } from "next-intl";
import { formatHandlingHours } from "@/lib/domain/first-contact";
import type { FirstContactStats, IssueFirstContact } from "@/lib/server/first-contact/list-first-contact";
import { formatDateTimeIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/i18n/client-messages";
import { useNamespaceT } from "@/components/meetings/labels";
import { AcceptHandoffButton } from "./accept-handoff-button";

/** A problem received directly: 来源, 首问责任人 and the hand-off's state (接收 for the responsible person). */
export function FirstContactFacts({ issueId, f }: { issueId: number; f: IssueFirstContact }) {
  // On a problem's page: the firstContact messages whatever provider is nearest; 接收 gets its own.
  const t = useNamespaceT("firstContact");
  const locale = useLocale() as Locale;
  const time = (iso: string) => formatDateTimeIn(locale, new Date(iso));
  return (
    <div className="mb-5 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="issue-first-contact">
      <span>
        <span className="text-slate-500">{t("facts.channel")}</span>
        {t(`channel.${f.intakeChannel}`)}
      </span>
      <span>
        <span className="text-slate-500">{t("facts.receiver")}</span>
        {t("facts.receivedAt", { name: f.receiverName, time: time(f.receivedAt) })}
      </span>
      {f.acceptedAt ? (
        <span>
          <span className="text-slate-500">{t("facts.handoff")}</span>
          {t("facts.accepted", { name: f.responsibleName ?? t("facts.responsible"), time: time(f.acceptedAt) })}
        </span>
      ) : (
        <span className="text-amber-800">
          {t("facts.pending", { name: f.responsibleName ?? t("facts.responsible") })}
        </span>
      )}
      {f.canAccept && (
        <ClientMessages locale={locale} namespaces={["firstContact"]}>
          <AcceptHandoffButton issueId={issueId} />
        </ClientMessages>
      )}
    </div>
  );
}

/** The problems page's 首问 figures: received directly, accepted, pending, and the handling time. */
export function FirstContactFigures({ s }: { s: FirstContactStats }) {
  const t = useNamespaceT("firstContact");
  const locale = useLocale() as Locale;
  if (s.received === 0) return null;
  // Chinese as the domain writes it; English "2.5 days" / "6.0 hours".
  const hours = (h: number | null) => (locale === "zh-CN" || h === null || !Number.isFinite(h) ? formatHandlingHours(h) : h >= 48 ? t("facts.days", { n: (h / 24).toFixed(1) }) : t("facts.hours", { n: h.toFixed(1) }));
  return (
    <p className="mb-4 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700" data-testid="first-contact-figures">
      {t.rich("facts.figures", {
        received: String(s.received),
        accepted: String(s.accepted),
        pending: String(s.pending),
        median: hours(s.medianHours),
        average: hours(s.averageHours),
        strong: (c) => <strong>{c}</strong>,
        warn: (c) => <strong className={s.pending > 0 ? "text-amber-700" : ""}>{c}</strong>,
      })}
    </p>
  );
}
