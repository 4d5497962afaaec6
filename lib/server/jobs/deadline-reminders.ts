import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { generateDeadlineNotifications } from "@/lib/server/notifications/generate-deadline-notifications";
import type { JobDefinition } from "./registry";

/**
 * 问题即将到期 / 已超期 reminders (ISSUE_DUE_TOMORROW, ISSUE_OVERDUE) every ten minutes. Each
 * reminder is written once per problem, person and kind, so a repeated run adds nothing. A run
 * sent for an occasion (runOccasion) counts days from that occasion's date in Shanghai.
 */
export const deadlineReminders: JobDefinition = {
  name: "deadline-reminders",
  cron: "*/10 * * * *",
  description: "问题到期与超期提醒 · deadline and overdue reminders for enterprise problems",
  expireInSeconds: 5 * 60,
  // A worker that starts writes the reminders at once (the current ten minutes' occasion).
  catchUpOccasion: (now) => new Date(Math.floor(now.getTime() / 600_000) * 600_000),
  async run({ occasion, log }) {
    const { created } = await generateDeadlineNotifications(todayInShanghai(occasion ? new Date(occasion) : new Date()));
    if (created > 0) log.info({ created }, "deadline reminders written");
    return { created };
  },
};
