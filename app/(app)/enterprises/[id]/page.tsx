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
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("enterprises");
  return { title: t("title") };
}

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
  const [t, locale] = await Promise.all([getT("enterprises"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["enterprises"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/enterprises?park=${e.park.id}`} className="text-brand-600 hover:underline">
          {t("backToPark", { park: e.park.name })}
        </Link>
      </div>
      <PageHeader title={e.name} subtitle={`${e.park.regionName}${e.park.name}${e.creditCode ? t("creditCodeLine", { code: e.creditCode }) : ""}`}>
        {e.can.edit && (
          <Link href={`/enterprises/${e.id}/edit`} className="no-print rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
            {t("edit")}
          </Link>
        )}
      </PageHeader>
      {e.park.archived && (
        <Alert as="p" tone="warning" role="status" className="mb-4">
          {t("archived", { park: e.park.name })}
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
    </ClientMessages>
  );
}
