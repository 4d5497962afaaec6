// 首问责任 (first contact): how a problem reached the park without a visit (来源), and the
// hand-off from the person who received it (首问责任人) to the responsible person, who accepts
// it (接收). Pure: lib/server/first-contact applies it.

/** Channels a problem is received through directly; VISIT is a problem raised on a visit. */
export const INTAKE_CHANNELS = ["PHONE", "WINDOW", "LETTER", "ONLINE"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export type AnyIntakeChannel = IntakeChannel | "VISIT";

export const INTAKE_CHANNEL_LABELS: Record<AnyIntakeChannel, string> = {
  VISIT: "走访收集",
  PHONE: "电话",
  WINDOW: "窗口",
  LETTER: "来信",
  ONLINE: "网上",
};

/** A hand-off is pending while the responsible person (not the receiver) has not accepted it. */
export function handoffPending(i: { firstContactUserId: number | null; handoffAcceptedAt: Date | string | null }): boolean {
  return i.firstContactUserId !== null && i.handoffAcceptedAt === null;
}

/** Hours as people read them: "3.5 小时", "2.1 天" past two days, "—" for none. */
export function formatHandlingHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return "—";
  if (hours >= 48) return `${(hours / 24).toFixed(1)} 天`;
  return `${hours.toFixed(1)} 小时`;
}
