import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getMeeting } from "@/lib/server/meetings/get-meeting";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { meetingMonth, taskStateKey } from "@/components/meetings/labels";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("meetings");
  return { title: t("minutes.metaTitle") };
}

/** 会议纪要 on A4: the meeting, attendees, each item with its 议定事项 and follow-up tasks. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const m = await orNotFound(getMeeting(actor, Number(id)));
  const [t, locale] = await Promise.all([getT("meetings"), getRequestLocale()]);
  const decided = m.items.filter((it) => it.decision);
  return (
    <>
      <div className="no-print mb-3 flex items-center justify-between gap-3 text-sm">
        <Link href={`/meetings/${m.id}`} className="text-brand-600 hover:underline">
          {t("minutes.back")}
        </Link>
        <span className="flex items-center gap-3">
          <DownloadLink href={`/meetings/${m.id}/xlsx`}>{t("exportExcel")}</DownloadLink>
          <PrintButton label={t("minutes.print")} />
        </span>
      </div>
      <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-8 print:border-0 print:p-0" aria-labelledby="minutes-title" data-testid="meeting-minutes">
        <p className="text-center text-sm text-slate-500">{m.scopeName}</p>
        <h1 id="minutes-title" className="mt-2 text-center text-2xl font-bold tracking-widest">
          {t("minutes.heading")}
        </h1>
        <p className="mt-2 text-center text-sm">{m.title}</p>
        <hr className="my-4 border-slate-400" />
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">{t("minutes.month")}</dt>
          <dd>{meetingMonth(locale, m.month)}</dd>
          <dt className="text-slate-500">{t("minutes.time")}</dt>
          <dd>{m.meetingDate ?? t("minutes.notHeld")}</dd>
          <dt className="text-slate-500">{t("minutes.place")}</dt>
          <dd>{m.location ?? "—"}</dd>
          <dt className="text-slate-500">{t("minutes.attendees")}</dt>
          <dd>{m.attendees.length > 0 ? m.attendees.map((a) => (a.unit ? t("detail.attendeeWithUnit", { name: a.name, unit: a.unit }) : a.name)).join(t("detail.listSeparator")) : "—"}</dd>
        </dl>
        <h2 className="mt-6 font-semibold">{t("minutes.itemsHeading")}</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
          {m.items.map((it) => (
            <li key={it.id}>
              {t("minutes.itemKind", { kind: t(`kind.${it.kind}`) })}
              {it.title}
              {it.reason ? <span className="text-slate-600">{t("minutes.itemReason", { reason: translateMessage(it.reason, locale) })}</span> : null}
            </li>
          ))}
        </ol>
        <h2 className="mt-6 font-semibold">{t("minutes.decisionsHeading")}</h2>
        {decided.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("minutes.noDecisions")}</p>
        ) : (
          <ol className="mt-2 list-decimal space-y-3 pl-6 text-sm">
            {decided.map((it) => (
              <li key={it.id} className="break-inside-avoid">
                <div className="font-medium">{it.title}</div>
                <div className="whitespace-pre-wrap">{it.decision!.text}</div>
                {it.decision!.tasks.length > 0 && (
                  <table className="mt-1 w-full border-collapse text-xs">
                    <thead>
                      <tr>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">{t("minutes.task")}</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">{t("minutes.owner")}</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">{t("minutes.deadline")}</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">{t("minutes.status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {it.decision!.tasks.map((k) => (
                        <tr key={k.id}>
                          <td className="border border-slate-300 px-1 py-0.5">{k.title}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{k.ownerName}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{k.deadline}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{t(`taskState.${taskStateKey(k)}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ol>
        )}
        <p className="mt-8 text-right text-sm">{m.scopeName}</p>
      </article>
    </>
  );
}
