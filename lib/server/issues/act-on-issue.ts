import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import {
  ISSUE_ACTION_LABELS,
  type IssueAction,
  type IssueEffects,
  type IssuePatch,
  type IssueState,
  type IssueStatus,
  applyIssueAction,
  authorityFor,
} from "@/lib/domain/issues";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { forbidden, notFound, parseOrThrow, validationError } from "@/lib/server/errors";
import { type NotificationDraft, notify } from "@/lib/server/notifications/notify";
import { issueActionSchema } from "@/lib/validation/issues";
import { leadsIssue, visibleIssuesWhere } from "./issue-scope";
import { type IssuePeople, StaleIssueVersion, assertParkUser, issueConflictError, issueStateOf, leadersOrParkLeaders, loadIssuePeople } from "./issue-writes";

const ISSUE_STATE_SELECT = {
  id: true,
  code: true,
  title: true,
  parkId: true,
  enterpriseId: true,
  projectId: true,
  version: true,
  status: true,
  level: true,
  raisedDate: true,
  answerDeadline: true,
  resolveDeadline: true,
  answeredDate: true,
  closedDate: true,
  satisfaction: true,
  reopenCount: true,
  responsibleUnit: true,
  responsibleUserId: true,
  enterprise: { select: { name: true } },
  extensions: { where: { status: "PENDING" }, orderBy: { id: "desc" }, take: 1, select: { id: true, requestedDeadline: true, requestedById: true } },
} as const satisfies Prisma.EnterpriseIssueSelect;

type IssueRow = Prisma.EnterpriseIssueGetPayload<{ select: typeof ISSUE_STATE_SELECT }>;

function toState(row: IssueRow): IssueState {
  return issueStateOf(row, row.extensions[0]);
}

const DATE_COLUMNS = new Set(["answerDeadline", "resolveDeadline", "answeredDate", "closedDate"]);

function patchToData(patch: IssuePatch): Prisma.EnterpriseIssueUncheckedUpdateManyInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    data[key] = DATE_COLUMNS.has(key) && typeof value === "string" ? isoToDate(value) : value;
  }
  return data as Prisma.EnterpriseIssueUncheckedUpdateManyInput;
}

/** The stored values of the columns a patch writes, for the audit row. */
function patchBefore(state: IssueState, patch: IssuePatch): Record<string, unknown> {
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) before[key] = (state as unknown as Record<string, unknown>)[key] ?? null;
  return before;
}

function notifications(row: IssueRow, state: IssueState, patch: IssuePatch, effects: IssueEffects, people: IssuePeople, note: string | null): NotificationDraft[] {
  const base = { issueId: row.id };
  const who = `${row.code}（${row.enterprise.name}）`;
  const drafts: NotificationDraft[] = [];
  if (effects.assignedTo) {
    const unit = patch.responsibleUnit ?? state.responsibleUnit;
    drafts.push({
      ...base,
      userIds: [effects.assignedTo],
      kind: "ISSUE_ASSIGNED",
      title: `问题交办给您：${row.title}`,
      body: `${who}${unit ? `，责任单位 ${unit}` : ""}，办结时限 ${patch.resolveDeadline ?? state.resolveDeadline}`,
    });
  }
  if (effects.escalatedTo === 2) {
    drafts.push({ ...base, userIds: leadersOrParkLeaders(people), kind: "ISSUE_ESCALATED", title: `问题提级至包保领导协调：${row.title}`, body: `${who}：${note ?? ""}` });
  }
  if (effects.escalatedTo === 3) {
    drafts.push({ ...base, userIds: people.parkLeaders, kind: "ISSUE_ESCALATED", title: `问题提交工委/管委会议研究：${row.title}`, body: `${who}：${note ?? ""}` });
  }
  if (effects.reopened) {
    const responsible = patch.responsibleUserId !== undefined ? patch.responsibleUserId : state.responsibleUserId;
    drafts.push({ ...base, userIds: [responsible, ...people.liaisons], kind: "ISSUE_REOPENED", title: `问题重新办理：${row.title}`, body: `${who}：${note ?? ""}` });
  }
  if (effects.extensionRequested) {
    const { requestedDeadline, reason } = effects.extensionRequested;
    drafts.push({
      ...base,
      userIds: leadersOrParkLeaders(people),
      kind: "EXTENSION_REQUESTED",
      title: `延期申请待您审批：${row.title}`,
      body: `${who} 申请将办结时限由 ${state.resolveDeadline} 延至 ${requestedDeadline}，理由：${reason}`,
    });
  }
  if (effects.extensionDecided) {
    const { status, note: decision } = effects.extensionDecided;
    drafts.push({
      ...base,
      userIds: [row.extensions[0]?.requestedById],
      kind: "EXTENSION_DECIDED",
      title: `延期申请${status === "APPROVED" ? "已同意" : "未同意"}：${row.title}`,
      body: `${who}：${decision}${status === "APPROVED" ? `，办结时限延至 ${patch.resolveDeadline ?? state.resolveDeadline}` : ""}`,
    });
  }
  return drafts;
}

/**
 * Takes one lifecycle action on a problem (交办, 办理, 反馈, 销号 with satisfaction, 重新办理,
 * 提级, 备注, 调整时限, 申请/审批延期), against the version the user saw.
 *
 * Permissions: the problem must be in the actor's scope (NOT_FOUND otherwise) and the
 * actor needs "issue.write" in its park (FORBIDDEN for read-only roles). Escalating to
 * level 3, changing deadlines and deciding extensions need "issue.lead" in the park or
 * being the problem's 包保领导 (an active LEADER assignment).
 *
 * One transaction: the versioned update (0 rows = CONFLICT naming who changed it), the
 * extension row if any, the IssueEvent rows, the notifications and the audit row.
 */
export async function actOnIssue(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ version: number; status: IssueStatus; level: number }> {
  const parsed = parseOrThrow(issueActionSchema, input);
  const { issueId, version, ...rest } = parsed;
  const action = rest as IssueAction;
  const db = getDb();

  const row = await db.enterpriseIssue.findFirst({ where: { AND: [{ id: issueId }, visibleIssuesWhere(actor)] }, select: ISSUE_STATE_SELECT });
  if (!row) throw notFound("问题");
  assertCan(actor, "issue.write", row.parkId, "问题");
  const state = toState(row);
  const people = await loadIssuePeople(db, row);
  if (authorityFor(action.action, state) === "lead" && !leadsIssue(actor, row, people.leaders)) {
    throw forbidden(`「${ISSUE_ACTION_LABELS[action.action]}」（须由包保领导或园区领导操作）`);
  }
  if (row.version !== version) throw await issueConflictError(db, row.id);
  if ((action.action === "assign" || action.action === "reassign") && action.responsibleUserId && action.responsibleUserId !== state.responsibleUserId) {
    await assertParkUser(db, row.parkId, action.responsibleUserId, "responsibleUserId");
  }

  const result = applyIssueAction(state, action, { today, leaderUserId: people.leaders[0] ?? null });
  if (!result.ok) throw validationError(result.errors);
  const { patch, events, effects } = result;

  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.enterpriseIssue.updateMany({
        where: { id: row.id, version },
        data: { ...patchToData(patch), version: { increment: 1 } },
      });
      if (count === 0) throw new StaleIssueVersion();

      let extensionId: number | null = null;
      if (effects.extensionRequested) {
        const ext = await tx.issueExtension.create({
          data: {
            issueId: row.id,
            requestedById: actor.userId,
            requestedDeadline: isoToDate(effects.extensionRequested.requestedDeadline),
            reason: effects.extensionRequested.reason,
          },
          select: { id: true },
        });
        extensionId = ext.id;
      }
      if (effects.extensionDecided) {
        const decided = await tx.issueExtension.updateMany({
          where: { id: effects.extensionDecided.id, status: "PENDING" },
          data: { status: effects.extensionDecided.status, decidedById: actor.userId, decidedAt: new Date(), decisionNote: effects.extensionDecided.note },
        });
        if (decided.count === 0) throw new StaleIssueVersion();
        extensionId = effects.extensionDecided.id;
      }

      await tx.issueEvent.createMany({
        data: events.map((e) => ({
          issueId: row.id,
          type: e.type,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          fromLevel: e.fromLevel,
          toLevel: e.toLevel,
          note: e.note,
          data: e.type.startsWith("EXTENSION_") ? { ...e.data, extensionId } : (e.data ?? undefined),
          actorId: actor.userId,
        })),
      });
      await notify(tx, actor.userId, notifications(row, state, patch, effects, people, events[0].note));
      await writeAudit(tx, {
        actorId: actor.userId,
        action: `issue.${action.action}`,
        entityType: "EnterpriseIssue",
        entityId: row.id,
        parkId: row.parkId,
        before: { status: state.status, ...patchBefore(state, patch) },
        after: {
          ...patch,
          events: events.map((e) => ({ type: e.type, note: e.note, data: e.data })),
          ...(extensionId ? { extensionId } : {}),
        },
      });
    });
  } catch (e) {
    if (e instanceof StaleIssueVersion) throw await issueConflictError(db, row.id);
    throw e;
  }
  return { version: version + 1, status: patch.status ?? state.status, level: patch.level ?? state.level };
}
