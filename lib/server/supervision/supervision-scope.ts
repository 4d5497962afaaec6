import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, can } from "@/lib/domain/permissions";
import { issueReadScope } from "@/lib/server/issues/issue-scope";

/**
 * The 督办 letters an actor may read: every letter of the parks where they read problems in
 * full (leaders, staff, administrators) and, anywhere, the letters addressed to them.
 */
export function visibleSupervisionsWhere(actor: Actor): Prisma.SupervisionWhereInput {
  const { fullParks } = issueReadScope(actor);
  return { OR: [{ parkId: { in: fullParks } }, { recipientUserId: actor.userId }] };
}

/** May review (销号 / 退回) a letter: its issuer, or whoever may issue letters in its park. */
export function reviewsSupervision(actor: Actor, s: { parkId: number; issuedById: number }): boolean {
  return s.issuedById === actor.userId || can(actor, "supervision.issue", s.parkId);
}
