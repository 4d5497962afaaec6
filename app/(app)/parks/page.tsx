import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listParkOverview } from "@/lib/server/parks/list-park-overview";
import { PageHeader } from "@/components/ui/page-header";
import { ParkOverviewTable } from "@/components/parks/park-overview-table";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatDateIn } from "@/lib/i18n/format";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { parksWith } from "@/lib/domain/permissions";
import { MyDigest } from "@/components/digest/my-digest";
import { myDigest } from "@/lib/server/notifications/daily-digest";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("parks");
  return { title: t("title") };
}

export default async function ParksPage() {
  const actor = await requireActor();
  requirePermission(actor, "park.read");
  const { parks, totals } = await listParkOverview(actor);
  const [t, locale] = await Promise.all([getT("parks"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["parks"]}>
      <PageHeader title={t("title")} subtitle={t("subtitle", { date: formatDateIn(locale, todayInShanghai()) })} />
      <MyDigest digest={myDigest(actor)} />
      <ParkOverviewTable parks={parks} totals={totals} configurable={parksWith(actor, "park.configure")} />
      <p className="mt-3 text-xs text-slate-500">
        {t("note")}
      </p>
    </ClientMessages>
  );
}
