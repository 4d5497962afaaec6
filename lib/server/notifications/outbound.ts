import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { DEFAULT_LOCALE, type Locale, isLocale } from "@/lib/i18n/locales";
import { translateMessage } from "@/lib/i18n/server-messages";

// 外发通道 (docs/deployment.md, 外发提醒): notifications that should reach people outside the
// app (SMS, 政务微信 …) go through an OutboundChannel. The one built in, "outbox", writes them to
// the OutboundMessage table; the park's own gateway polls it over HTTP (GET pending, POST
// delivered) and sends them however the park sends messages, so wiring a channel needs no code.
// Each message is in its recipient's language (Chinese unless they chose English).

/** Kinds copied to the outbound channel: reminders and what asks a person to act. */
export const OUTBOUND_KINDS = [
  "ISSUE_ASSIGNED",
  "ISSUE_OVERDUE",
  "ASSIGNMENT_CREATED",
  "VISIT_OVERDUE",
  "FILING_DUE",
  "FILING_MISSED",
  "PROJECT_RED",
  "SUPERVISION_ISSUED",
  "SUPERVISION_RETURNED",
  "SUPERVISION_DUE",
  "SUPERVISION_OVERDUE",
  "HANDOFF_PENDING",
  "DAILY_DIGEST",
  "MEETING_TASK_DUE",
  "MEETING_TASK_OVERDUE",
] as const;

/** Notifications older than this are not sent out any more (a channel switched on late does not flood people). */
export const OUTBOUND_WINDOW_HOURS = 48;

export interface OutboundChannel {
  /** Stored on each message (OutboundMessage.channel); one message per notification and channel. */
  readonly name: string;
  /** Hands over the notifications with these ids; returns how many were newly queued. */
  send(notificationIds: number[]): Promise<number>;
}

/**
 * The built-in channel: one OutboundMessage row per notification (recipient's name and phone),
 * idempotent. The title and body are in the recipient's language (User.locale): the English of
 * a known shape for 'en' (docs/i18n.md, "Server messages"), else the Chinese as written.
 */
export const outboxChannel: OutboundChannel = {
  name: "outbox",
  async send(ids) {
    if (ids.length === 0) return 0;
    const db = getDb();
    const rows = await db.notification.findMany({
      where: { id: { in: ids }, user: { isActive: true } },
      orderBy: { id: "asc" },
      select: { id: true, userId: true, title: true, body: true, link: true, user: { select: { name: true, phone: true, locale: true } } },
    });
    if (rows.length === 0) return 0;
    const { count } = await db.outboundMessage.createMany({
      data: rows.map((n) => {
        const locale: Locale = isLocale(n.user.locale) ? n.user.locale : DEFAULT_LOCALE;
        return {
          notificationId: n.id,
          userId: n.userId,
          channel: "outbox",
          recipientName: n.user.name,
          recipientPhone: n.user.phone,
          title: translateMessage(n.title, locale),
          body: n.body === null ? null : translateMessage(n.body, locale),
          link: n.link,
        };
      }),
      skipDuplicates: true,
    });
    return count;
  },
};

/** The configured channel: OUTBOUND_CHANNEL=outbox (the default) or none (nothing leaves the app). */
export function configuredChannel(env: NodeJS.ProcessEnv = process.env): OutboundChannel | null {
  const name = (env.OUTBOUND_CHANNEL ?? "outbox").trim().toLowerCase();
  if (name === "none" || name === "off") return null;
  if (name === "outbox") return outboxChannel;
  throw new Error(`OUTBOUND_CHANNEL=${name} is not a known channel (outbox, none)`);
}

/**
 * Hands the recent notifications of OUTBOUND_KINDS that the channel has not had yet to it.
 * Run by the outbound-dispatch job; a second run finds nothing new.
 */
export async function dispatchOutbound(channel: OutboundChannel | null = configuredChannel(), now = new Date()): Promise<{ queued: number }> {
  if (!channel) return { queued: 0 };
  const since = new Date(now.getTime() - OUTBOUND_WINDOW_HOURS * 3_600_000);
  const rows = await getDb().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT n.id FROM "Notification" n
    WHERE n."createdAt" >= ${since} AND n.kind::text = ANY(${[...OUTBOUND_KINDS]}::text[])
      AND NOT EXISTS (SELECT 1 FROM "OutboundMessage" m WHERE m."notificationId" = n.id AND m.channel = ${channel.name})
    ORDER BY n.id
    LIMIT 5000`);
  return { queued: await channel.send(rows.map((r) => r.id)) };
}

// ---------------------------------------------------------------- the gateway's side

/** Checks the gateway's bearer token against OUTBOX_GATEWAY_TOKEN (unset: the endpoint is off). */
export function authenticateGateway(authorization: string | null, env: NodeJS.ProcessEnv = process.env): void {
  const expected = env.OUTBOX_GATEWAY_TOKEN?.trim();
  if (!expected) throw new AppError("NOT_FOUND", "外发通道接口未启用（未配置 OUTBOX_GATEWAY_TOKEN）");
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError("UNAUTHENTICATED", "外发通道令牌无效");
}

export interface PendingMessage {
  id: number;
  recipientName: string;
  recipientPhone: string | null;
  title: string;
  body: string | null;
  link: string | null;
  attempts: number;
  createdAt: string;
}

/** The oldest pending messages, at most `limit` (1-500); each fetch counts as an attempt. */
export async function listPendingOutbound(limit = 100): Promise<PendingMessage[]> {
  const n = Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : 100;
  const rows = await getDb().$queryRaw<(Omit<PendingMessage, "createdAt"> & { createdAt: Date })[]>(Prisma.sql`
    UPDATE "OutboundMessage" m SET attempts = attempts + 1
    WHERE m.id IN (SELECT id FROM "OutboundMessage" WHERE status = 'PENDING' ORDER BY id LIMIT ${n})
    RETURNING m.id, m."recipientName", m."recipientPhone", m.title, m.body, m.link, m.attempts, m."createdAt"`);
  return rows.sort((a, b) => a.id - b.id).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * The gateway's report: `delivered` ids are DELIVERED; `failed` ones FAILED with the error (the
 * gateway may report them again as delivered after a retry of its own). Unknown ids are ignored.
 */
export async function markOutbound(report: { delivered: number[]; failed: { id: number; error: string }[] }, now = new Date()): Promise<{ delivered: number; failed: number }> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const delivered = report.delivered.length
      ? (await tx.outboundMessage.updateMany({ where: { id: { in: report.delivered } }, data: { status: "DELIVERED", deliveredAt: now, lastError: null } })).count
      : 0;
    let failed = 0;
    for (const f of report.failed) failed += (await tx.outboundMessage.updateMany({ where: { id: f.id, status: { not: "DELIVERED" } }, data: { status: "FAILED", lastError: f.error } })).count;
    return { delivered, failed };
  });
}
