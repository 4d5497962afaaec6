import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { getSupervisionTarget } from "@/lib/server/supervision/supervision-target";
import { IssueSupervisionForm } from "@/components/supervision/issue-supervision-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("supervision");
  return { title: t("new.title") };
}

const idOf = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** 下发督办函 on a red project (?projectId=, from the red list) or an overdue problem (?issueId=, from its page). */
export default async function NewSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "supervision.issue");
  const sp = await searchParams;
  const projectId = idOf(sp.projectId);
  const issueId = idOf(sp.issueId);
  if (!projectId && !issueId) notFound();
  const t = await orNotFound(getSupervisionTarget(actor, issueId ? { issueId } : { projectId }));
  const [m, locale] = await Promise.all([getT("supervision"), getRequestLocale()]);
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={t.kind === "issue" ? `/issues/${t.id}` : "/warnings"} className="text-brand-600 hover:underline">
          {t.kind === "issue" ? m("new.backToIssue") : m("new.backToWarnings")}
        </Link>
      </div>
      <PageHeader title={m("new.title")} subtitle={m("new.subtitle", { park: t.parkName, kind: t.kind === "issue" ? m("new.overdueIssue") : m("new.redProject"), title: t.title })} />
      <Card className="mb-4">
        <h2 className="text-sm font-medium">{m("new.reasons")}</h2>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
          {t.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </Card>
      {t.openLetter ? (
        <Alert tone="warning">
          {m("new.openLetterBefore")}
          <Link href={`/supervision/${t.openLetter.id}`} className="underline">
            {t.openLetter.code}
          </Link>
          {m("new.openLetterAfter")}
        </Alert>
      ) : t.refusal ? (
        <Alert tone="warning">{m("new.refused", { reason: t.refusal })}</Alert>
      ) : (
        <ClientMessages locale={locale} namespaces={["supervision"]}>
          <IssueSupervisionForm target={t.kind === "issue" ? { issueId: t.id } : { projectId: t.id }} recipients={t.recipients} defaults={t.defaults} />
        </ClientMessages>
      )}
    </>
  );
}
