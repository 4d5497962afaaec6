import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { DigestView } from "@/components/digest/digest-view";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "今日待办" };

/** 今日待办: the signed-in person's work due today and overdue, printable (every person's own; no other permission). */
export default async function DigestPage() {
  const actor = await requireActor();
  const d = await getDailyDigest(actor);
  return (
    <>
      <PageHeader title={`今日待办 · ${d.name}`} subtitle={`${d.today}：今天到期和已超期的问题、走访、督办与首问移交`}>
        <PrintButton label="打印今日待办" />
      </PageHeader>
      <DigestView d={d} />
    </>
  );
}
