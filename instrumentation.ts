// Next.js calls register() once when a server process starts (next start / next dev).
// Background work of the server starts here, not in a page's render.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReminderSchedule } = await import("@/lib/server/jobs/reminder-schedule");
  startReminderSchedule();
}
