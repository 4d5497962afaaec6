import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { formatBytes } from "@/lib/domain/attachments";
import { getSupervision } from "@/lib/server/supervision/get-supervision";
import { ReplyForm, ReviewForm } from "@/components/supervision/supervision-steps";
import { Alert } from "@/components/ui/alert";
import { PrintButton } from "@/components/ui/print-button";
import { Card } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { formatDateIn, formatDateTimeIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("supervision");
  return { title: t("letter.metaTitle") };
}

// Chinese keeps today's short form (2026/10/5 09:30).
const zhTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** One 督办函: printable on A4 as the letter itself, with the reply history and the next step below. */
export default async function SupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const s = await orNotFound(getSupervision(actor, Number(id)));
  const [t, locale] = await Promise.all([getT("supervision"), getRequestLocale()]);
  const day = (d: string | null) => formatDateIn(locale, d);
  const time = (iso: string) => (locale === "zh-CN" ? zhTime.format(new Date(iso)) : formatDateTimeIn(locale, new Date(iso)));
  return (
    <>
      <div className="no-print mb-3 flex items-center justify-between gap-3 text-sm">
        <Link href="/supervision" className="text-brand-600 hover:underline">
          {t("letter.back")}
        </Link>
        <PrintButton label={t("letter.print")} />
      </div>

      <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-8 print:border-0 print:p-0" aria-labelledby="letter-title">
        <p className="text-center text-sm text-slate-500">{s.parkName}</p>
        <h1 id="letter-title" className="mt-2 text-center text-2xl font-bold tracking-widest text-red-700">
          {t("letter.heading")}
        </h1>
        <p className="mt-2 text-center text-sm">{t("letter.code", { code: s.code })}</p>
        <hr className="my-4 border-red-700" />
        <p className="text-base">
          {s.recipientUnit ? t("letter.recipientUnit", { unit: s.recipientUnit }) : ""}
          {t("letter.salutation", { name: s.recipientName })}
        </p>
        <p className="mt-3 indent-8 leading-7">
          {s.project ? t("letter.project", { name: s.project.name, code: s.project.code, enterprise: s.project.enterpriseName }) : ""}
          {s.issue ? t("letter.issue", { title: s.issue.title, code: s.issue.code, deadline: day(s.issue.resolveDeadline) }) : ""}
          {t("letter.subject", { subject: s.subject })}
        </p>
        <p className="mt-3 whitespace-pre-wrap indent-8 leading-7">{s.requirement}</p>
        <p className="mt-3 indent-8 leading-7">
          {t.rich("letter.deadline", { date: day(s.deadline), workdays: s.workdays, strong: (c) => <strong>{c}</strong> })}
        </p>
        <div className="mt-10 text-right leading-7">
          <p>
            {t("letter.issuedBy", { name: s.issuedByName })}
            {s.issuedByTitle ? t("letter.issuedByTitle", { title: s.issuedByTitle }) : ""}
          </p>
          <p>{day(s.issuedDate)}</p>
        </div>
        <dl className="mt-6 grid grid-cols-2 gap-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t("letter.status")}</dt>
            <dd data-testid="supervision-status">
              {t(`status.${s.status}`)}
              {s.overdue && <span className="ml-1 text-red-600">{t("letter.overdue")}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("letter.deadlineLabel")}</dt>
            <dd>{s.deadline}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("letter.closedDate")}</dt>
            <dd>{s.closedDate ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("letter.target")}</dt>
            <dd>
              {s.project && <Link href={`/projects/${s.project.id}`} className="text-brand-600 hover:underline">{t("letter.targetProject")}</Link>}
              {s.issue && <Link href={`/issues/${s.issue.id}`} className="text-brand-600 hover:underline">{t("letter.targetIssue", { code: s.issue.code })}</Link>}
            </dd>
          </div>
        </dl>
      </article>

      <section className="mx-auto mt-6 max-w-3xl" aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-base font-semibold">
          {t("letter.history")}
        </h2>
        <ol className="space-y-2">
          {s.events.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap justify-between gap-2 text-slate-600">
                <span className="font-medium text-slate-900">{t(`event.${e.type}`)}</span>
                <span>
                  {e.actorName} · {time(e.createdAt)}
                </span>
              </div>
              {e.note && <p className="mt-1 whitespace-pre-wrap">{e.note}</p>}
              {e.attachments.length > 0 && (
                <ul className="mt-1 flex flex-wrap gap-3">
                  {e.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} className="text-brand-600 hover:underline">
                        {a.fileName}
                      </a>{" "}
                      <span className="text-xs text-slate-500">{formatBytes(a.size)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="no-print mx-auto mt-6 max-w-3xl">
        <ClientMessages locale={locale} namespaces={["supervision"]}>
          {s.canReply && (
            <Card>
              <h2 className="mb-2 text-base font-semibold">{s.status === "RETURNED" ? t("letter.replyAgain") : t("letter.reply")}</h2>
              <ReplyForm supervisionId={s.id} version={s.version} />
            </Card>
          )}
          {s.canReview && (
            <Card>
              <h2 className="mb-2 text-base font-semibold">{t("letter.review")}</h2>
              <ReviewForm supervisionId={s.id} version={s.version} />
            </Card>
          )}
          {!s.canReply && !s.canReview && s.status !== "CLOSED" && (
            <Alert tone="info">{s.status === "REPLIED" ? t("letter.waitingReview") : t("letter.waitingReply", { name: s.recipientName })}</Alert>
          )}
        </ClientMessages>
      </section>
    </>
  );
}
