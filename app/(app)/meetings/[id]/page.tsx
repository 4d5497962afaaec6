import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getMeeting } from "@/lib/server/meetings/get-meeting";
import { AddItemForm, AttendanceForm, CompleteTaskForm, DecisionForm, RemoveItemButton } from "@/components/meetings/meeting-forms";
import { ItemTarget, TaskLine } from "@/components/meetings/meeting-parts";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { meetingMonth } from "@/components/meetings/labels";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("meetings");
  return { title: t("detail.metaTitle") };
}

/** One meeting: the frozen agenda with decisions and tasks, attendees; leaders record them here. */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const m = await orNotFound(getMeeting(actor, Number(id)));
  const [t, locale] = await Promise.all([getT("meetings"), getRequestLocale()]);
  const lead = m.canLead;
  const external = m.attendees
    .filter((a) => a.userId === null)
    .map((a) => `${a.name}${a.unit ? ` ${a.unit}` : ""}`)
    .join("\n");
  return (
    <ClientMessages locale={locale} namespaces={["meetings"]}>
      <div className="no-print mb-3 flex flex-wrap items-center justify-between gap-3 text-sm">
        <Link href={`/meetings?scope=${m.scopeKey}`} className="text-brand-600 hover:underline">
          {t("backToList")}
        </Link>
        <span className="flex gap-3">
          <Link href={`/meetings/${m.id}/minutes`} className="text-brand-600 hover:underline">
            {t("detail.minutesLink")}
          </Link>
          <DownloadLink href={`/meetings/${m.id}/xlsx`}>{t("exportExcel")}</DownloadLink>
        </span>
      </div>
      <PageHeader
        title={m.title}
        subtitle={`${m.scopeName} · ${meetingMonth(locale, m.month)} · ${t(`status.${m.status}`)}${m.meetingDate ? ` · ${m.meetingDate}` : ""}${m.location ? ` · ${m.location}` : ""} · ${t("detail.preparedBy", { name: m.preparedByName })}`}
      />
      <Section title={t("detail.agenda", { count: m.items.length })} labelled>
        <ol className="space-y-4" data-testid="meeting-agenda">
          {m.items.map((it, n) => (
            <li key={it.id} className="border-t border-slate-100 pt-3" data-testid="meeting-item" data-kind={it.kind}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <span className="mr-2 text-sm text-slate-500">{n + 1}.</span>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t(`kind.${it.kind}`)}</span>
                  <span className="ml-2 font-medium">
                    <ItemTarget item={it} />
                  </span>
                  {it.reason && <div className="mt-0.5 text-xs text-slate-500">{translateMessage(it.reason, locale)}</div>}
                </div>
                {lead && m.status === "PREPARED" && !it.decision && <RemoveItemButton itemId={it.id} title={it.title} />}
              </div>
              {it.decision ? (
                <div className="mt-2 rounded bg-emerald-50 p-2 text-sm" data-testid="meeting-decision">
                  <div>
                    <span className="font-medium">{t("detail.decision")}</span>
                    <span className="whitespace-pre-wrap">{it.decision.text}</span>
                  </div>
                  {it.decision.tasks.length > 0 && (
                    <ul className="mt-1 space-y-1">
                      {it.decision.tasks.map((k) => (
                        <li key={k.id}>
                          <TaskLine task={k} />
                          {k.status === "OPEN" && (lead || k.ownerId === actor.userId) && <CompleteTaskForm taskId={k.id} title={k.title} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                lead && <DecisionForm itemId={it.id} people={m.people} />
              )}
            </li>
          ))}
        </ol>
        {lead && m.status === "PREPARED" && (
          <div className="mt-4">
            <AddItemForm meetingId={m.id} />
          </div>
        )}
      </Section>
      <Section title={t("detail.attendees")} className="mt-4" labelled>
        {m.attendees.length > 0 ? (
          <p className="text-sm" data-testid="meeting-attendees">
            {m.attendees.map((a) => (a.unit ? t("detail.attendeeWithUnit", { name: a.name, unit: a.unit }) : a.name)).join(t("detail.listSeparator"))}
          </p>
        ) : (
          <p className="text-sm text-slate-500">{t("detail.noAttendees")}</p>
        )}
        {lead && (
          <div className="mt-3">
            <AttendanceForm meetingId={m.id} people={m.people} chosen={m.attendees.flatMap((a) => (a.userId ? [a.userId] : []))} meetingDate={m.meetingDate} location={m.location} external={external} />
          </div>
        )}
      </Section>
    </ClientMessages>
  );
}
