import { requireActor } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

// The shell only decides what navigation to show; every page checks access itself
// (layouts do not run for server actions and API routes).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor({ allowPasswordChange: true });
  return <AppShell actor={actor}>{children}</AppShell>;
}
