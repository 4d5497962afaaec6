import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { DigestSummary } from "@/components/digest/digest-view";
import { parseNotificationFilters } from "@/lib/validation/issues";
import { PageHeader } from "@/components/ui/page-header";
import { FilterErrors } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { MarkAllReadButton, NotificationList, type NotificationRow } from "@/components/notifications/notification-list";
import { ClientMessages } from "@/components/i18n/client-messages";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/server-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("notifications"))("title") };
}

/** Only paths inside the app are followed; anything else would be a way out of it. */
const inAppLink = (link: string | null) => (link && link.startsWith("/") && !link.startsWith("//") ? link : null);

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Everyone signed in has their own notifications; no permission beyond that.
  const actor = await requireActor();
  const { filters, errors } = parseNotificationFilters(await searchParams);
  const [list, digest, t, tc, locale] = await Promise.all([listNotifications(actor, filters), getDailyDigest(actor), getT("notifications"), getT("common"), getRequestLocale()]);
  const items: NotificationRow[] = list.items.map((n) => ({
    id: n.id,
    kindLabel: tc.has(`enum.notificationKind.${n.kind}`) ? tc(`enum.notificationKind.${n.kind}`) : n.kind,
    // Written by the server in Chinese; English where the text has a known shape (docs/i18n.md).
    title: translateMessage(n.title, locale),
    body: n.body === null ? null : translateMessage(n.body, locale),
    link: inAppLink(n.link),
    createdAtText: formatDateTimeIn(locale, new Date(n.createdAt)),
    unread: n.readAt === null,
  }));
  const onlyUnread = filters.unread === "1";
  const tab = "rounded px-3 py-1.5 text-sm";
  return (
    <ClientMessages locale={locale} namespaces={["notifications", "liaison"]}>
      <PageHeader title={t("title")} subtitle={list.unread > 0 ? t("unread", { count: list.unread }) : t("noneUnread")}>
        <MarkAllReadButton unread={list.unread} />
      </PageHeader>
      <DigestSummary d={digest} />
      <nav aria-label={t("filterLabel")} className="mb-3 flex w-fit gap-1 rounded-lg border border-slate-200 bg-white p-1 text-sm">
        <Link href="/notifications" aria-current={onlyUnread ? undefined : "page"} className={`${tab} ${onlyUnread ? "text-slate-600 hover:bg-slate-100" : "bg-brand-600 text-white"}`}>
          {t("all")}
        </Link>
        <Link href="/notifications?unread=1" aria-current={onlyUnread ? "page" : undefined} className={`${tab} ${onlyUnread ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}>
          {t("onlyUnread", { count: list.unread })}
        </Link>
      </nav>
      <FilterErrors errors={errors} />
      <NotificationList items={items} />
      <Pagination
        basePath="/notifications"
        params={{ unread: onlyUnread ? "1" : undefined, pageSize: filters.pageSize === 20 ? undefined : filters.pageSize }}
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
      />
    </ClientMessages>
  );
}
