import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { formatDateZh } from "@/lib/domain/dates";
import { formatBytes } from "@/lib/domain/attachments";
import { SUPERVISION_EVENT_LABELS, SUPERVISION_STATUS_LABELS } from "@/lib/domain/supervision";
import { getSupervision } from "@/lib/server/supervision/get-supervision";
import { ReplyForm, ReviewForm } from "@/components/supervision/supervision-steps";
import { Alert } from "@/components/ui/alert";
import { PrintButton } from "@/components/ui/print-button";
import { Card } from "@/components/ui/section";

export const metadata: Metadata = { title: "督办函" };

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** One 督办函: printable on A4 as the letter itself, with the reply history and the next step below. */
export default async function SupervisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const s = await orNotFound(getSupervision(actor, Number(id)));
  return (
    <>
      <div className="no-print mb-3 flex items-center justify-between gap-3 text-sm">
        <Link href="/supervision" className="text-brand-600 hover:underline">
          ← 督办事项
        </Link>
        <PrintButton label="打印督办函" />
      </div>

      <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-8 print:border-0 print:p-0" aria-labelledby="letter-title">
        <p className="text-center text-sm text-slate-500">{s.parkName}</p>
        <h1 id="letter-title" className="mt-2 text-center text-2xl font-bold tracking-widest text-red-700">
          督 办 函
        </h1>
        <p className="mt-2 text-center text-sm">编号：{s.code}</p>
        <hr className="my-4 border-red-700" />
        <p className="text-base">
          {s.recipientUnit ? `${s.recipientUnit}、` : ""}
          {s.recipientName}同志：
        </p>
        <p className="mt-3 indent-8 leading-7">
          {s.project ? `项目「${s.project.name}」（${s.project.code}，${s.project.enterpriseName}）已列入亮灯督办红榜。` : ""}
          {s.issue ? `企业问题「${s.issue.title}」（${s.issue.code}）已超过办结时限（${formatDateZh(s.issue.resolveDeadline)}）仍未办结。` : ""}
          现就「{s.subject}」予以督办，请按以下要求抓好整改落实：
        </p>
        <p className="mt-3 whitespace-pre-wrap indent-8 leading-7">{s.requirement}</p>
        <p className="mt-3 indent-8 leading-7">
          请于 <strong>{formatDateZh(s.deadline)}</strong> 前（{s.workdays} 个工作日内）将整改落实情况书面回复，并附相关佐证材料。
        </p>
        <div className="mt-10 text-right leading-7">
          <p>
            督办领导：{s.issuedByName}
            {s.issuedByTitle ? `（${s.issuedByTitle}）` : ""}
          </p>
          <p>{formatDateZh(s.issuedDate)}</p>
        </div>
        <dl className="mt-6 grid grid-cols-2 gap-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">状态</dt>
            <dd data-testid="supervision-status">
              {SUPERVISION_STATUS_LABELS[s.status]}
              {s.overdue && <span className="ml-1 text-red-600">（已超期）</span>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">办理时限</dt>
            <dd>{s.deadline}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">销号日期</dt>
            <dd>{s.closedDate ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">督办对象</dt>
            <dd>
              {s.project && <Link href={`/projects/${s.project.id}`} className="text-brand-600 hover:underline">项目</Link>}
              {s.issue && <Link href={`/issues/${s.issue.id}`} className="text-brand-600 hover:underline">问题 {s.issue.code}</Link>}
            </dd>
          </div>
        </dl>
      </article>

      <section className="mx-auto mt-6 max-w-3xl" aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-base font-semibold">
          办理记录
        </h2>
        <ol className="space-y-2">
          {s.events.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <div className="flex flex-wrap justify-between gap-2 text-slate-600">
                <span className="font-medium text-slate-900">{SUPERVISION_EVENT_LABELS[e.type]}</span>
                <span>
                  {e.actorName} · {time.format(new Date(e.createdAt))}
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
        {s.canReply && (
          <Card>
            <h2 className="mb-2 text-base font-semibold">{s.status === "RETURNED" ? "重新回复整改情况" : "回复整改情况"}</h2>
            <ReplyForm supervisionId={s.id} version={s.version} />
          </Card>
        )}
        {s.canReview && (
          <Card>
            <h2 className="mb-2 text-base font-semibold">审核回复</h2>
            <ReviewForm supervisionId={s.id} version={s.version} />
          </Card>
        )}
        {!s.canReply && !s.canReview && s.status !== "CLOSED" && (
          <Alert tone="info">{s.status === "REPLIED" ? "已回复，等待督办领导审核。" : `等待 ${s.recipientName} 回复整改情况。`}</Alert>
        )}
      </section>
    </>
  );
}
