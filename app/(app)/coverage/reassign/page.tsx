import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { listAssignableUsers } from "@/lib/server/assignments/list-assignable-users";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { todayInShanghai } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { BulkReassignForm, type ReassignCandidate } from "@/components/coverage/bulk-reassign-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("coverage");
  return { title: t("handover.title") };
}

export default async function BulkReassignPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const manageable = parksWith(actor, "assignment.manage");
  if (manageable.length === 0) notFound();
  const sp = await searchParams;
  const parkId = typeof sp.park === "string" && sp.park !== "" ? Number(sp.park) : manageable[0];
  if (!manageable.includes(parkId)) notFound();
  const [parks, liaisons, leaders] = await Promise.all([
    listVisibleParks(actor),
    orNotFound(listAssignableUsers(actor, parkId, "LIAISON")),
    orNotFound(listAssignableUsers(actor, parkId, "LEADER")),
  ]);
  const pick = (list: typeof liaisons): ReassignCandidate[] => list.map(({ id, name, unit, activeCount }) => ({ id, name, unit, activeCount }));
  const [t, locale] = await Promise.all([getT("coverage"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["coverage"]}>
      <PageHeader title={t("handover.title")} subtitle={t("handover.subtitle")}>
        <Link href={`/coverage?park=${parkId}`} className="no-print rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          {t("handover.back")}
        </Link>
      </PageHeader>
      <BulkReassignForm
        key={parkId}
        parks={parks.filter((p) => manageable.includes(p.id)).map((p) => ({ id: p.id, name: p.name }))}
        parkId={parkId}
        liaisons={pick(liaisons)}
        leaders={pick(leaders)}
        today={todayInShanghai()}
      />
    </ClientMessages>
  );
}
