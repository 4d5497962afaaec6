import "server-only";
import { generateDeadlineNotifications } from "@/lib/server/notifications/generate-deadline-notifications";

// Deadline reminders are written by the server process on a schedule, never while a page
// renders. Every instance runs the schedule; the advisory lock inside
// generateDeadlineNotifications makes the others skip a round that one is doing, and each
// reminder is sent once per problem, person and kind whoever writes it.

const EVERY_MS = 10 * 60 * 1000;

let timer: NodeJS.Timeout | null = null;

async function runOnce(): Promise<void> {
  try {
    const { created } = await generateDeadlineNotifications();
    if (created > 0) console.log(`[reminders] ${created} deadline reminder(s) written`);
  } catch (e) {
    // The next round retries; nothing a person is waiting for fails with it.
    console.error("[reminders] writing deadline reminders failed", e);
  }
}

/** Starts the schedule once per process: a round at start, then every ten minutes. */
export function startReminderSchedule(): void {
  if (timer) return;
  void runOnce();
  timer = setInterval(() => void runOnce(), EVERY_MS);
  timer.unref(); // never keeps a stopping process alive
}
