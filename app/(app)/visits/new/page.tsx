import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listVisitTargets } from "@/lib/server/visits/list-visit-targets";
import { PageHeader } from "@/components/ui/page-header";
import { VisitForm } from "@/components/visits/visit-form";

export const metadata: Metadata = { title: "登记走访" };

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.write");
  const raw = (await searchParams).enterprise;
  const wanted = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const targets = await listVisitTargets(actor);
  const initial = wanted && targets.some((t) => t.id === wanted) ? wanted : undefined;
  return (
    <>
      <PageHeader title="登记走访" subtitle="记录走访、电话或座谈情况；企业现场反映的问题一并登记，按类别自动计算办理时限（工作日）" />
      <VisitForm targets={targets} initialEnterpriseId={initial} />
    </>
  );
}
