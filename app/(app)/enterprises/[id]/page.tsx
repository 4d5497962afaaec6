import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getEnterprise } from "@/lib/server/enterprises/get-enterprise";
import { listAssignableUsers } from "@/lib/server/assignments/list-assignable-users";
import { AssignmentPanel } from "@/components/assignments/assignment-panel";
import { PageHeader } from "@/components/ui/page-header";
import { EnterpriseFacts, EnterpriseProblems, EnterpriseProjects, EnterpriseVisits } from "@/components/enterprises/enterprise-sections";
import { MergeForm } from "@/components/enterprises/merge-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "企业档案" };

/** 一企一档: one enterprise with its projects, visits, problems, 包保 now and before, and (for park leaders) merging a duplicate. */
export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const e = await orNotFound(getEnterprise(actor, Number(id)));
  const [liaisons, leaders] = await Promise.all([
    e.can.assign ? listAssignableUsers(actor, e.park.id, "LIAISON") : null,
    e.can.assign ? listAssignableUsers(actor, e.park.id, "LEADER") : null,
  ]);
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={`/enterprises?park=${e.park.id}`} className="text-brand-600 hover:underline">
          ← {e.park.name}企业档案
        </Link>
      </div>
      <PageHeader title={e.name} subtitle={`${e.park.regionName}${e.park.name}${e.creditCode ? ` · 统一社会信用代码 ${e.creditCode}` : ""}`}>
        {e.can.edit && (
          <Link href={`/enterprises/${e.id}/edit`} className="no-print rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
            修改档案
          </Link>
        )}
      </PageHeader>
      {e.park.archived && (
        <Alert as="p" tone="warning" role="status" className="mb-4">
          {e.park.name}已归档：档案保留供查阅，不能再修改、指定包保或合并。
        </Alert>
      )}
      <EnterpriseFacts e={e} />
      <div className="mt-4">
        <AssignmentPanel targetType="ENTERPRISE" targetId={e.id} rows={e.assignments} candidates={liaisons && leaders ? { LIAISON: liaisons, LEADER: leaders } : null} endable={e.can.assign} />
      </div>
      <div className="mt-6">
        <EnterpriseProjects e={e} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <EnterpriseVisits e={e} />
        <EnterpriseProblems e={e} />
      </div>
      {e.can.merge && (
        <div className="no-print mt-6">
          <MergeForm enterprise={{ id: e.id, name: e.name, parkId: e.park.id }} />
        </div>
      )}
    </>
  );
}
