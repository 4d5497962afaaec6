import "server-only";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { defaultMeetingTitle } from "@/lib/domain/meetings";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, isUniqueViolation, parseOrThrow } from "@/lib/server/errors";
import { prepareMeetingSchema } from "@/lib/validation/meetings";
import { agendaCandidates } from "./build-agenda";
import { assertInScope, loadScope } from "./meeting-scope";

export const meetingLink = (id: number) => `/meetings/${id}`;

const refused = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/**
 * 定稿议程: the leader keeps the candidates named in `include` (as the record stands now) and
 * adds free items; the agenda is frozen as MeetingItem rows, so later changes of the record
 * do not reshuffle it. One meeting per scope and month. Needs "meeting.lead" for the scope.
 */
export async function prepareMeeting(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ id: number }> {
  const data = parseOrThrow(prepareMeetingSchema, input);
  const db = getDb();
  const s = await loadScope(db, actor, data.scope);
  assertInScope(actor, s, "meeting.lead");

  const existing = await db.meeting.findUnique({ where: { scopeKey_month: { scopeKey: s.key, month: isoToDate(data.month) } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "本月的会商议程已定稿，请在会商页面增删议题");

  const candidates = await agendaCandidates(db, actor, s, data.month, today);
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const include = [...new Set(data.include)];
  const missing = include.filter((k) => !byKey.has(k));
  if (missing.length > 0) throw refused("include", `有 ${missing.length} 个议题已不在候选范围（记录已变化），请刷新页面后重新选择`);
  const kept = candidates.filter((c) => include.includes(c.key));
  if (kept.length + data.freeItems.length === 0) throw refused("include", "议程至少须有一项议题");

  const title = data.title ?? defaultMeetingTitle(s.name, data.month);
  try {
    return await db.$transaction(async (tx) => {
      const meeting = await tx.meeting.create({
        data: {
          scopeKey: s.key,
          parkId: s.scope.kind === "park" ? s.scope.id : null,
          regionId: s.scope.kind === "region" ? s.scope.id : null,
          month: isoToDate(data.month),
          title,
          meetingDate: data.meetingDate ? isoToDate(data.meetingDate) : null,
          location: data.location,
          preparedById: actor.userId,
          items: {
            create: [
              ...kept.map((c, i) => ({ position: i + 1, kind: c.kind, title: c.title, reason: c.reason, projectId: c.projectId, issueId: c.issueId, taskId: c.taskId })),
              ...data.freeItems.map((t, i) => ({ position: kept.length + i + 1, kind: "FREE" as const, title: t })),
            ],
          },
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "meeting.prepare",
        entityType: "Meeting",
        entityId: meeting.id,
        parkId: s.scope.kind === "park" ? s.scope.id : null,
        after: { scope: s.key, month: data.month, title, items: [...kept.map((c) => c.key), ...data.freeItems.map((t) => `FREE:${t}`)] },
      });
      return meeting;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "本月的会商议程已由他人定稿，请刷新页面");
    throw e;
  }
}
