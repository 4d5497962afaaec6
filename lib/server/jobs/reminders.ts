import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { generateReminders } from "@/lib/server/notifications/generate-reminders";
import type { JobDefinition } from "./registry";

/**
 * 提醒: new 包保 assignments, visits due and overdue, the monthly filing due (two working days
 * before) and missed, projects turning red and 督办 deadlines (lib/server/notifications/
 * generate-reminders.ts), every hour from 07:05. Each reminder has an occasion key unique per
 * person, so a repeated run writes nothing new. A run sent for an occasion counts from its date.
 */
export const reminders: JobDefinition = {
  name: "reminders",
  cron: "5 7-21 * * *",
  description: "包保、走访、月报、红灯与督办提醒 · assignment, visit, filing, red-light and supervision reminders",
  expireInSeconds: 10 * 60,
  // A worker that starts writes the reminders at once (the current hour's occasion).
  catchUpOccasion: (now) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000),
  async run({ occasion, log }) {
    const counts = await generateReminders(todayInShanghai(occasion ? new Date(occasion) : new Date()));
    log.info({ ...counts }, "reminders written");
    return { ...counts };
  },
};
