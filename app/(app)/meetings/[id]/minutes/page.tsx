import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { MEETING_ITEM_KIND_LABELS, monthLabel } from "@/lib/domain/meetings";
import { getMeeting } from "@/lib/server/meetings/get-meeting";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";

export const metadata: Metadata = { title: "会议纪要" };

/** 会议纪要 on A4: the meeting, attendees, each item with its 议定事项 and follow-up tasks. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireActor();
  const m = await orNotFound(getMeeting(actor, Number(id)));
  const decided = m.items.filter((it) => it.decision);
  return (
    <>
      <div className="no-print mb-3 flex items-center justify-between gap-3 text-sm">
        <Link href={`/meetings/${m.id}`} className="text-brand-600 hover:underline">
          ← 返回会商
        </Link>
        <span className="flex items-center gap-3">
          <DownloadLink href={`/meetings/${m.id}/xlsx`}>导出 Excel</DownloadLink>
          <PrintButton label="打印会议纪要" />
        </span>
      </div>
      <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-8 print:border-0 print:p-0" aria-labelledby="minutes-title" data-testid="meeting-minutes">
        <p className="text-center text-sm text-slate-500">{m.scopeName}</p>
        <h1 id="minutes-title" className="mt-2 text-center text-2xl font-bold tracking-widest">
          会 议 纪 要
        </h1>
        <p className="mt-2 text-center text-sm">{m.title}</p>
        <hr className="my-4 border-slate-400" />
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">会商月份</dt>
          <dd>{monthLabel(m.month)}</dd>
          <dt className="text-slate-500">会议时间</dt>
          <dd>{m.meetingDate ?? "（未召开）"}</dd>
          <dt className="text-slate-500">会议地点</dt>
          <dd>{m.location ?? "—"}</dd>
          <dt className="text-slate-500">参会人员</dt>
          <dd>{m.attendees.length > 0 ? m.attendees.map((a) => (a.unit ? `${a.name}（${a.unit}）` : a.name)).join("、") : "—"}</dd>
        </dl>
        <h2 className="mt-6 font-semibold">一、会议议题</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
          {m.items.map((it) => (
            <li key={it.id}>
              【{MEETING_ITEM_KIND_LABELS[it.kind]}】{it.title}
              {it.reason ? <span className="text-slate-600">（{it.reason}）</span> : null}
            </li>
          ))}
        </ol>
        <h2 className="mt-6 font-semibold">二、议定事项</h2>
        {decided.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">尚未记录议定事项</p>
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
                        <th className="border border-slate-300 px-1 py-0.5 text-left">跟踪事项</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">责任人</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">办理时限</th>
                        <th className="border border-slate-300 px-1 py-0.5 text-left">状态</th>
                      </tr>
                    </thead>
                    <tbody>
                      {it.decision!.tasks.map((t) => (
                        <tr key={t.id}>
                          <td className="border border-slate-300 px-1 py-0.5">{t.title}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{t.ownerName}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{t.deadline}</td>
                          <td className="border border-slate-300 px-1 py-0.5">{t.stateLabel}</td>
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
