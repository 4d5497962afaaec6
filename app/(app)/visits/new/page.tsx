import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { searchEnterprises } from "@/lib/server/enterprises/search-enterprises";
import { enterpriseSearchSchema } from "@/lib/validation/enterprises";
import { PageHeader } from "@/components/ui/page-header";
import { VisitForm } from "@/components/visits/visit-form";

export const metadata: Metadata = { title: "登记走访" };

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.write");
  const raw = (await searchParams).enterprise;
  const wanted = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  // One option is enough to know whether the user may log a visit anywhere; the form searches the rest.
  const [any, preset] = await Promise.all([
    searchEnterprises(actor, enterpriseSearchSchema.parse({ purpose: "visit", limit: 1 })),
    wanted ? searchEnterprises(actor, enterpriseSearchSchema.parse({ purpose: "visit", id: wanted, limit: 1 })) : null,
  ]);
  return (
    <>
      <PageHeader title="登记走访" subtitle="记录走访、电话或座谈情况；企业现场反映的问题一并登记，按类别自动计算办理时限（工作日）" />
      <VisitForm initial={preset?.items[0] ?? null} hasTargets={any.items.length > 0} />
    </>
  );
}
