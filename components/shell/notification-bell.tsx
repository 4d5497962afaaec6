import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The header's bell (🔔) with the unread count, linking to /notifications. The layout starts
 * reading the count and the bell waits for it inside a Suspense boundary. Nothing is written
 * here: deadline reminders are written by the server's schedule (lib/server/jobs).
 */
export async function NotificationBell({ unread }: { unread: Promise<number> }) {
  const count = await unread;
  return <BellLink count={count} />;
}

/** Also the Suspense fallback (count unknown yet: no badge). */
export function BellLink({ count }: { count?: number }) {
  const t = useTranslations("shell.bell");
  const label = count === undefined ? t("label") : count > 0 ? t("unread", { count }) : t("none");
  return (
    <Link href="/notifications" aria-label={label} title={label} data-testid="notification-bell" className="relative rounded px-2 py-1 text-base hover:bg-white/10">
      {/* A drawn bell rather than the 🔔 emoji: not every intranet PC has an emoji font. */}
      <svg aria-hidden viewBox="0 0 24 24" className="inline-block h-5 w-5 align-middle" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count !== undefined && count > 0 && (
        <span data-testid="notification-count" className="absolute -right-1 -top-1 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
