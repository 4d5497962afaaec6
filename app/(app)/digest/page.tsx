import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { getT } from "@/lib/i18n/server";
import { DigestView } from "@/components/digest/digest-view";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("liaison");
  return { title: t("digest.title") };
}

/** 今日待办: the signed-in person's work due today and overdue, printable (every person's own; no other permission). */
export default async function DigestPage() {
  const actor = await requireActor();
  const [d, t] = await Promise.all([getDailyDigest(actor), getT("liaison")]);
  return (
    <>
      <PageHeader title={t("digest.heading", { name: d.name })} subtitle={t("digest.subtitle", { today: d.today })}>
        <PrintButton label={t("digest.print")} />
      </PageHeader>
      <DigestView d={d} />
    </>
  );
}
