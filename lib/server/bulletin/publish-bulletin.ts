import "server-only";
// Publishing a month's bulletin (定稿发布, docs/bulletins.md): the bulletin as it stands is
// frozen (every figure, the ranking, the red list, the overdue problems and the 更正说明 as
// JSON, and per figure the ids of the projects behind it), the months up to it are closed
// for filing in its parks, and an audit row is written per park, all in one transaction.
// A published bulletin is never edited: a corrected version supersedes it.

import { getDb } from "@/lib/db/client";
import { type Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatYearMonth, lastCompletedMonth, monthIndex } from "@/lib/domain/filing";
import { type Actor } from "@/lib/domain/permissions";
import { type BulletinScope, bulletinScopeKey, formatPublishedAt, publishRefusal } from "@/lib/domain/published-bulletins";
import { publishBulletinSchema } from "@/lib/validation/published-bulletins";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, isUniqueViolation, notFound, parseOrThrow } from "@/lib/server/errors";
import { lockParkFilings } from "@/lib/server/progress/closed-months";
import { getBulletin } from "./get-bulletin";
import { listCorrectionNotes } from "./bulletin-corrections";
import { figureProjectIds } from "./figure-ids";
import { type PublishedContent, PUBLISHED_CONTENT_VERSION } from "./published-bulletin";

export interface PublishResult {
  id: number;
  revision: number;
  /** The bulletin this one superseded (a corrected version), else null. */
  supersededId: number | null;
}

function alreadyPublished(b: { scopeName: string; year: number; month: number; revision: number; publishedAt: Date; publishedBy: { name: string } }): AppError {
  const when = formatPublishedAt(b.publishedAt.toISOString());
  return new AppError(
    "CONFLICT",
    `${b.scopeName}${formatYearMonth(b)}的通报已于 ${when} 由 ${b.publishedBy.name} 定稿发布（第 ${b.revision} 版），不能重复发布；如需更正，请在已发布的通报上发布更正版并说明更正原因`,
  );
}

/** The scope's parks and name after the publishing rule (a scope the actor cannot see is NOT_FOUND). */
async function checkedScope(actor: Actor, scope: BulletinScope): Promise<{ parkIds: number[] }> {
  const db = getDb();
  let regionParks: number[] = [];
  if (scope.region !== undefined) regionParks = (await db.park.findMany({ where: { regionId: scope.region }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const refusal = publishRefusal(actor, scope, regionParks);
  if (refusal === "not-found") throw notFound(scope.park !== undefined ? "园区" : "市州");
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  // An archived park or region takes no new work (its history and figures stay readable).
  const archived =
    scope.park !== undefined
      ? await db.park.findFirst({ where: { id: scope.park, archivedAt: { not: null } }, select: { name: true } })
      : await db.region.findFirst({ where: { id: scope.region, archivedAt: { not: null } }, select: { name: true } });
  if (archived) {
    const message = `${archived.name}已归档，不能再定稿发布通报`;
    throw new AppError("VALIDATION", message, { [scope.park !== undefined ? "park" : "region"]: [message] });
  }
  return { parkIds: scope.park !== undefined ? [scope.park] : regionParks };
}

/**
 * Publishes the bulletin of a month for one park (its park leaders) or one region (its
 * region leaders, administrators). With `supersedes` it publishes a corrected version of
 * that bulletin (same scope and month, the newest version, a reason required); without it
 * a month and scope already published is refused (CONFLICT). `rank` is the indicator the
 * parks are ranked by, as on the page.
 */
export async function publishBulletin(actor: Actor, input: unknown, today = todayInShanghai()): Promise<PublishResult> {
  if (!actor.roles.length || actor.grants) throw forbidden("定稿发布");
  const data = parseOrThrow(publishBulletinSchema, input);
  const [year, month] = data.month.split("-").map(Number);
  const ym = { year, month };
  if (monthIndex(ym) > monthIndex(lastCompletedMonth(today))) {
    const message = "通报月份须为已结束的月份";
    throw new AppError("VALIDATION", message, { month: [message] });
  }
  const scope: BulletinScope = data.park !== undefined ? { park: data.park } : { region: data.region! };
  const scopeKey = bulletinScopeKey(scope);
  const { parkIds } = await checkedScope(actor, scope);
  const db = getDb();

  const current = await db.publishedBulletin.findFirst({
    where: { scopeKey, year, month, supersededBy: { is: null } },
    select: { id: true, scopeName: true, year: true, month: true, revision: true, publishedAt: true, publishedBy: { select: { name: true } } },
    orderBy: { revision: "desc" },
  });
  let revision = 1;
  if (data.supersedes !== undefined) {
    const target = await db.publishedBulletin.findUnique({ where: { id: data.supersedes }, select: { id: true, scopeKey: true, year: true, month: true, revision: true } });
    if (!target || target.scopeKey !== scopeKey) throw new AppError("VALIDATION", "被更正的通报不存在，或不是本范围的通报", { supersedes: ["被更正的通报不存在，或不是本范围的通报"] });
    if (target.year !== year || target.month !== month) {
      const message = `被更正的通报是${formatYearMonth(target)}的，更正版须为同一月份`;
      throw new AppError("VALIDATION", message, { month: [message] });
    }
    if (!current || current.id !== target.id) throw new AppError("CONFLICT", "该通报已被更正版取代，请在最新版本上发布更正");
    revision = target.revision + 1;
  } else if (current) {
    throw alreadyPublished(current);
  }

  try {
    return await db.$transaction(
      async (tx) => {
        // No report of these parks is written between the figures below and the closing.
        await lockParkFilings(tx, parkIds, "exclusive");
        const publishedAt = new Date();
        const bulletin = await getBulletin(actor, { month: ym, park: scope.park, region: scope.region, rank: data.rank, points: data.points }, today);
        const coveredParks = bulletin.ranking.map((r) => r.row.parkId);
        const [corrections, figures] = await Promise.all([
          listCorrectionNotes({ scopeKey, parkIds: coveredParks, month: ym, until: publishedAt }),
          figureProjectIds(actor, coveredParks, ym, today),
        ]);
        const content: PublishedContent = { ...bulletin, contentVersion: PUBLISHED_CONTENT_VERSION, corrections };
        const row = await tx.publishedBulletin.create({
          data: {
            scopeKey,
            parkId: scope.park ?? null,
            regionId: scope.region ?? null,
            year,
            month,
            revision,
            scopeName: bulletin.scopeName,
            rankKey: data.rank,
            parkIds: coveredParks,
            content: JSON.parse(JSON.stringify(content)) as Prisma.InputJsonValue,
            publishedById: actor.userId,
            publishedAt,
            supersedesId: data.supersedes ?? null,
            correctionReason: data.supersedes !== undefined ? data.reason : null,
            figures: { create: Object.entries(figures).map(([metric, projectIds]) => ({ metric, projectIds })) },
          },
          select: { id: true },
        });
        const summary = {
          bulletinId: row.id,
          scope: scopeKey,
          scopeName: bulletin.scopeName,
          month: data.month,
          revision,
          rankKey: data.rank,
          parks: coveredParks.length,
          signed: bulletin.counts.signed,
          redProjects: bulletin.redProjects.total,
          overdueProblems: bulletin.overdue.total,
          corrections: corrections.total,
          ...(bulletin.points ? { points: true } : {}),
          ...(data.supersedes !== undefined ? { supersedes: data.supersedes, reason: data.reason } : {}),
        };
        // One row per park: each park's audit log shows that its months were closed, and by whom.
        for (const parkId of coveredParks) {
          await writeAudit(tx, {
            actorId: actor.userId,
            action: data.supersedes !== undefined ? "bulletin.supersede" : "bulletin.publish",
            entityType: "PublishedBulletin",
            entityId: row.id,
            parkId,
            before: data.supersedes !== undefined ? { bulletinId: data.supersedes, revision: revision - 1 } : undefined,
            after: summary,
          });
        }
        return { id: row.id, revision, supersededId: data.supersedes ?? null };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) {
      const now = await db.publishedBulletin.findFirst({
        where: { scopeKey, year, month, supersededBy: { is: null } },
        select: { id: true, scopeName: true, year: true, month: true, revision: true, publishedAt: true, publishedBy: { select: { name: true } } },
        orderBy: { revision: "desc" },
      });
      throw now ? alreadyPublished(now) : new AppError("CONFLICT", "该通报刚被他人发布或更正，请刷新后查看");
    }
    throw e;
  }
}
