import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { generateDigestNotifications } from "@/lib/server/notifications/daily-digest";
import type { JobDefinition } from "./registry";

/**
 * 每日待办: at 07:30 (Shanghai) one notification per person with anything due today or overdue,
 * linking to /digest. Key digest:<date>: a second run of the day writes nothing.
 */
export const dailyDigest: JobDefinition = {
  name: "daily-digest",
  cron: "30 7 * * *",
  description: "每日待办摘要 · one digest notification per person with work due today or overdue",
  expireInSeconds: 10 * 60,
  // A worker started later in the day still writes the day's digest.
  catchUpOccasion: (now) => new Date(`${todayInShanghai(now)}T07:30:00+08:00`),
  async run({ occasion, log }) {
    const result = await generateDigestNotifications(todayInShanghai(occasion ? new Date(occasion) : new Date()));
    log.info(result, "daily digest written");
    return result;
  },
};
