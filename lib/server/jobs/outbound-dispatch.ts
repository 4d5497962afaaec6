import "server-only";
import { dispatchOutbound } from "@/lib/server/notifications/outbound";
import type { JobDefinition } from "./registry";

/**
 * 外发提醒: every two minutes, the reminders and requests to act of the last 48 hours that the
 * configured outbound channel (OUTBOUND_CHANNEL, default the outbox table the park's SMS /
 * 政务微信 gateway polls) has not had yet. One message per notification and channel, in the
 * recipient's language (User.locale; see outboxChannel).
 */
export const outboundDispatch: JobDefinition = {
  name: "outbound-dispatch",
  cron: "*/2 * * * *",
  description: "外发提醒 · copy reminders to the outbound channel (outbox for the SMS / 政务微信 gateway)",
  expireInSeconds: 5 * 60,
  async run({ log }) {
    const result = await dispatchOutbound(undefined, new Date());
    if (result.queued > 0) log.info(result, "outbound messages queued");
    return result;
  },
};
