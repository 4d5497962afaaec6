import { requireActor } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { unreadCount } from "@/lib/server/notifications/unread-count";

// The shell only decides what navigation to show; every page checks access itself
// (layouts do not run for server actions and API routes).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor({ allowPasswordChange: true });
  // Not awaited: the bell streams in when the count is read.
  const unread = unreadCount(actor);
  unread.catch(() => {}); // a failed count is the bell's to show, not an unhandled rejection
  return (
    <AppShell actor={actor} unread={unread}>
      {children}
    </AppShell>
  );
}
