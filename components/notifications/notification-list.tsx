"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { markAllReadAction } from "@/lib/actions/notifications/mark-all-read";
import { markReadAction } from "@/lib/actions/notifications/mark-read";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

export interface NotificationRow {
  id: number;
  kindLabel: string;
  title: string;
  body: string | null;
  /** Only in-app paths ("/issues/12"); anything else is shown without a link. */
  link: string | null;
  /** Formatted on the server (Asia/Shanghai), so server and browser render the same text. */
  createdAtText: string;
  unread: boolean;
}

/** A marking that failed or succeeded alike: the link is followed either way. */
const ignored = () => ({});

/** The page's notifications; opening one marks it read first, then follows its link. */
export function NotificationList({ items }: { items: NotificationRow[] }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const { notice, pending, submit } = useActionForm();
  // The notification being marked: its button says 处理中… while the action runs.
  const [busyId, setBusyId] = useState<number | null>(null);

  function markOne(id: number) {
    setBusyId(id);
    submit(() => markReadAction([id]));
  }

  function open(e: React.MouseEvent<HTMLAnchorElement>, item: NotificationRow) {
    if (!item.unread || !item.link) return;
    // A new tab or window: let the browser open it, and mark read on the side.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) {
      markReadAction([item.id]).catch(() => null);
      return;
    }
    e.preventDefault();
    const link = item.link;
    setBusyId(item.id);
    // Follow the link even if marking failed: the notification stays unread, nothing is lost.
    submit(
      () => markReadAction([item.id]).then(ignored, ignored),
      () => router.push(link),
    );
  }

  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white px-4 py-8 text-center text-sm text-slate-500" data-testid="notification-empty">
        {t("empty")}
      </p>
    );
  }

  return (
    <>
      {notice && (
        <Alert as="p" tone={notice.kind} className="mb-3">
          {notice.text}
        </Alert>
      )}
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="notification-item"
            data-unread={item.unread ? "true" : "false"}
            className={`flex items-start gap-3 px-4 py-3 ${item.unread ? "border-l-4 border-l-brand-600 bg-brand-50" : "border-l-4 border-l-transparent"}`}
          >
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{item.kindLabel}</span>
                {item.link ? (
                  <a href={item.link} onClick={(e) => open(e, item)} className={`text-sm hover:underline ${item.unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>
                    {item.title}
                  </a>
                ) : (
                  <span className={`text-sm ${item.unread ? "font-semibold text-slate-900" : "text-slate-700"}`}>{item.title}</span>
                )}
                {item.unread && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-700">{t("unreadBadge")}</span>}
              </div>
              {item.body && <p className="mt-1 text-sm text-slate-600">{item.body}</p>}
              <p className="mt-1 text-xs tabular-nums text-slate-400">{item.createdAtText}</p>
            </div>
            {item.unread && (
              <Button
                type="button"
                onClick={() => markOne(item.id)}
                variant="secondary"
                size="sm"
                className="shrink-0"
                pending={pending}
              >
                {pending && busyId === item.id ? t("working") : t("markRead")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "全部标为已读", with how many changed. */
export function MarkAllReadButton({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
  const { notice, pending, submit } = useActionForm();

  function click() {
    submit(
      () => markAllReadAction(),
      (data) => t("markedAll", { count: data.count }),
    );
  }

  return (
    <div className="flex items-center gap-3">
      {notice && (
        <Alert as="p" tone={notice.kind}>
          {notice.text}
        </Alert>
      )}
      <Button type="button" onClick={click} disabled={pending || unread === 0}>
        {pending ? t("working") : t("markAllRead")}
      </Button>
    </div>
  );
}
