import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getIssue } from "@/lib/server/issues/get-issue";
import { listIssueSupervisions } from "@/lib/server/supervision/list-supervisions";
import { can } from "@/lib/domain/permissions";
import { IssueSupervisionBox } from "@/components/supervision/supervision-links";
import { getIssueFirstContact } from "@/lib/server/first-contact/list-first-contact";
import { FirstContactFacts } from "@/components/first-contact/first-contact-facts";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { IssueActionPanel } from "@/components/issues/issue-action-panel";
import { Card } from "@/components/ui/section";
import { listDecisionsFor } from "@/lib/server/meetings/list-decisions";
import { DecisionTimelineEntry } from "@/components/meetings/decision-entry";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("issues");
  return { title: t("detail.title") };
}

function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm">{children ?? "—"}</dd>
    </div>
  );
}

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const i = await orNotFound(getIssue(actor, Number(id)));
  const [letters, firstContact, decisions] = await Promise.all([listIssueSupervisions(actor, i.id), getIssueFirstContact(actor, i.id), listDecisionsFor(actor, { issueId: i.id })]);
  // 办理记录 in time order, with the 每月会商 decisions taken on the problem among the steps.
  const history = [
    ...i.events.map((e) => ({ key: `e-${e.id}`, at: new Date(e.at).getTime(), kind: "event" as const, event: e })),
    ...decisions.map((d) => ({ key: `d-${d.id}`, at: new Date(d.at).getTime(), kind: "decision" as const, decision: d })),
  ].sort((a, b) => a.at - b.at);
  const [t, tc, locale] = await Promise.all([getT("issues"), getT("common"), getRequestLocale()]);
  // Day first in English too, as lib/i18n/format.ts writes dates.
  const time = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });
  const level = (l: number) => tc(`enum.issueLevel.L${l as 1 | 2 | 3}`);
  const pendingExtension = i.extensions.find((x) => x.status === "PENDING") ?? null;
  // Say why a step someone working on the problem looks for is missing.
  const notes: string[] = [];
  if (i.overdue && i.status !== "CLOSED" && i.actions.length > 0 && !i.actions.includes("requestExtension") && !i.actions.includes("setDeadline") && !pendingExtension) {
    notes.push(t("detail.noExtension"));
  }
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href="/issues" className="text-brand-600 hover:underline">
          {t("detail.back")}
        </Link>
      </div>
      <PageHeader title={i.title} subtitle={`${i.code} · ${i.enterpriseName}${i.projectName ? ` · ${i.projectName}` : ""} · ${i.parkName}`}>
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="issue-status">
          <span className="rounded bg-slate-100 px-2 py-0.5">{tc(`enum.issueStatus.${i.status}`)}</span>
          <span className="rounded bg-slate-100 px-2 py-0.5">{level(i.level)}</span>
          {i.overdue && <span className="rounded bg-red-100 px-2 py-0.5 font-medium text-red-700">{t("detail.overdue")}</span>}
          {!i.overdue && i.dueSoon && <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-800">{t("detail.dueSoon")}</span>}
        </div>
      </PageHeader>

      <Card className="mb-5">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 break-words md:grid-cols-4">
          <Fact label={t("detail.category")}>{tc(`enum.issueCategory.${i.category}`)}</Fact>
          <Fact label={t("detail.raisedDate")}>{i.raisedDate}</Fact>
          <Fact label={t("detail.raisedBy")}>{i.raisedBy}</Fact>
          <Fact label={t("detail.reporter")}>{i.reporterName}</Fact>
          <Fact label={t("detail.responsibleUnit")}>{i.responsibleUnit}</Fact>
          <Fact label={t("detail.responsibleName")}>{i.responsibleName}</Fact>
          <Fact label={t("detail.liaisons")}>{i.liaisons.map((l) => l.name).join(t("detail.nameSeparator")) || "—"}</Fact>
          <Fact label={t("detail.leaders")}>{i.leaders.map((l) => l.name).join(t("detail.nameSeparator")) || "—"}</Fact>
          <Fact label={t("detail.answerDeadline")}>{i.answerDeadline}</Fact>
          <Fact label={t("detail.resolveDeadline")}>
            <span className={i.overdue ? "font-semibold text-red-600" : ""}>{i.resolveDeadline}</span>
          </Fact>
          <Fact label={t("detail.closedDate")}>{i.closedDate}</Fact>
          <Fact label={t("detail.satisfaction")}>{i.satisfaction ? tc(`enum.satisfaction.${i.satisfaction}`) : null}</Fact>
          <Fact label={t("detail.description")} className="col-span-2 md:col-span-4">
            <span className="whitespace-pre-wrap">{i.description}</span>
          </Fact>
          {i.answer && (
            <Fact label={t("detail.answer", { date: i.answeredDate ?? "" })} className="col-span-2 md:col-span-4">
              <span className="whitespace-pre-wrap">{i.answer}</span>
            </Fact>
          )}
        </dl>
      </Card>

      {firstContact && <FirstContactFacts issueId={i.id} f={firstContact} />}

      <section className="mb-5">
        <h2 className="mb-2 text-lg font-semibold">{t("detail.handling")}</h2>
        <ClientMessages locale={locale} namespaces={["issues"]}>
          <IssueActionPanel issueId={i.id} version={i.version} actions={i.actions} responsibleUnit={i.responsibleUnit} pendingExtensionId={pendingExtension?.id ?? null} notes={notes} />
        </ClientMessages>
      </section>

      <IssueSupervisionBox letters={letters} issueId={i.id} canIssue={i.overdue && i.status !== "CLOSED" && can(actor, "supervision.issue", i.parkId)} />

      {i.extensions.length > 0 && (
        <section className="mb-5">
          <h2 className="mb-2 text-lg font-semibold">{t("detail.extensions")}</h2>
          <ul className="space-y-1 text-sm" data-testid="issue-extensions">
            {i.extensions.map((x) => (
              <li key={x.id} className="rounded border border-slate-200 bg-white px-3 py-2">
                {t("detail.extensionLine", { name: x.requestedByName, date: x.requestedDeadline, reason: x.reason })}
                <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{t(`extensionStatus.${x.status}`)}</span>
                {x.decidedByName && (
                  <span className="ml-2 text-xs text-slate-500">
                    {x.decisionNote ? t("detail.decidedWithNote", { name: x.decidedByName, note: x.decisionNote }) : x.decidedByName}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("detail.history")}</h2>
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4" data-testid="issue-history">
          {history.map((h) =>
            h.kind === "decision" ? (
              <li key={h.key} data-event="MEETING_DECISION">
                <DecisionTimelineEntry decision={h.decision} />
              </li>
            ) : (
              <li key={h.key} data-event={h.event.type}>
                <div className="text-sm">
                  <span className="font-medium">{t(`event.${h.event.type}`)}</span>
                  {h.event.toStatus && h.event.fromStatus !== h.event.toStatus && <span className="ml-2 text-slate-600">→ {tc(`enum.issueStatus.${h.event.toStatus}`)}</span>}
                  {h.event.toLevel && h.event.fromLevel !== h.event.toLevel && <span className="ml-2 text-slate-600">→ {level(h.event.toLevel)}</span>}
                </div>
                {h.event.note && <div className="whitespace-pre-wrap text-xs text-slate-600">{h.event.note}</div>}
                <div className="text-xs text-slate-400">
                  {h.event.actorName} · {time.format(new Date(h.event.at))}
                </div>
              </li>
            ),
          )}
        </ol>
      </section>
    </>
  );
}
