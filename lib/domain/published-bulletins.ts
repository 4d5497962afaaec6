// Published bulletins (定稿通报, docs/bulletins.md): who may publish which scope, which months
// a publication closes for monthly filing, and how a correction to a closed month is asked
// and decided. Pure: lib/server/bulletin and lib/server/progress apply these rules (and say
// the same in SQL where a list needs them).

import { type YearMonth, formatYearMonth, monthIndex } from "./filing";
import type { IndicatorCounts } from "./indicators";
import { type Actor, can } from "./permissions";

/** A published bulletin's scope: one park or one region (the whole-system view is never published). */
export type BulletinScope = { park: number; region?: undefined } | { region: number; park?: undefined };

/** "park:12" / "region:3": the key that makes (scope, month, revision) unique. */
/** The scope name of a bulletin without a park or region asked for, read by an administrator (the title's words). */
export const ALL_PARKS_SCOPE = "全部园区";

/** A bulletin's scope name in the reader's words: ALL_PARKS_SCOPE becomes `allParks`; a park's or region's own name stays as written. */
export function scopeNameIn(name: string, allParks: string): string {
  return name === ALL_PARKS_SCOPE ? allParks : name;
}

export function bulletinScopeKey(scope: BulletinScope): string {
  return scope.park !== undefined ? `park:${scope.park}` : `region:${scope.region}`;
}

/**
 * Why the actor may not publish (or correct) the bulletin of `scope`, or null when they may.
 * "not-found" when the scope is outside everything the actor sees (reported like any other
 * record of another park). A park's bulletin is its park leaders' (and administrators');
 * a region's is its region leaders' (and administrators'): a park leader never publishes the
 * region, a region leader leaves each park's own bulletin to the park. `regionParks` are the
 * ids of the region's parks (for a region scope).
 */
export function publishRefusal(actor: Actor, scope: BulletinScope, regionParks: readonly number[] = []): "not-found" | string | null {
  if (scope.park !== undefined) {
    const roles = actor.parkRoles.get(scope.park);
    if (!roles) return "not-found";
    if (!can(actor, "bulletin.publish", scope.park) || !(roles.includes("PARK_LEADER") || roles.includes("ADMIN"))) return "园区通报只能由本园区的园区领导定稿发布";
    return null;
  }
  if (regionParks.length === 0 || !regionParks.some((p) => actor.parkRoles.has(p))) return "not-found";
  const leadsAll = regionParks.every((p) => {
    const roles = actor.parkRoles.get(p) ?? [];
    return can(actor, "bulletin.publish", p) && (roles.includes("REGION_LEADER") || roles.includes("ADMIN"));
  });
  return leadsAll ? null : "市州通报只能由本市州的市州领导或系统管理员定稿发布";
}

/**
 * A bulletin for month `published` closes every month up to and including it: its figures
 * sum every report to the month's end (累计投资完成率, 资金到位率), so a later change to any
 * of those months would make the published figures wrong without a trace.
 */
export function bulletinClosesMonth(published: YearMonth, ym: YearMonth): boolean {
  return monthIndex(ym) <= monthIndex(published);
}

/** The message a filing of a closed month gets (the form shows it on the month). */
export function closedMonthMessage(ym: YearMonth, bulletin: { scopeName: string; year: number; month: number }): string {
  return `${formatYearMonth(ym)}已随《${bulletin.scopeName}${formatYearMonth(bulletin)}项目推进情况通报》定稿发布，月报已关闭：如需填报或更正，请提交更正申请，经园区领导审批后生效`;
}

export const CORRECTION_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, string> = { PENDING: "待审批", APPROVED: "已批准", REJECTED: "已驳回" };

/** The key that keeps one pending request per project and month (ProgressCorrection.openKey). */
export function correctionOpenKey(projectId: number, ym: YearMonth): string {
  return `${projectId}:${ym.year}:${ym.month}`;
}

/**
 * Why the actor may not decide a correction request, or null: a park leader of the project's
 * park (progress.approveCorrection), not the person who asked, and only while it is pending.
 */
export function decisionRefusal(actor: Actor, request: { parkId: number; status: CorrectionStatus; requestedById: number }): "not-found" | string | null {
  if (!actor.parkRoles.has(request.parkId)) return "not-found";
  if (!can(actor, "progress.approveCorrection", request.parkId)) return "只有本园区的园区领导可以审批月报更正申请";
  if (request.status !== "PENDING") return `该更正申请已${CORRECTION_STATUS_LABELS[request.status].replace(/^已/, "")}，不能再次审批`;
  if (request.requestedById === actor.userId) return "不能审批自己提交的更正申请";
  return null;
}

/** The bulletin's counts and sums by name, for the notice of what changed since publishing. */
export const COUNT_LABELS: Partial<Record<keyof IndicatorCounts, string>> = {
  signed: "签约项目数",
  honoured: "履约项目数",
  terminated: "终止/解约项目数",
  suspended: "暂缓项目数",
  landed: "已落地项目数",
  started: "已开工项目数",
  producing: "已投产项目数",
  contractInvestment: "合同引资额（万元）",
  honouredContractInvestment: "履约项目合同引资额（万元）",
  fundsArrived: "到位资金（万元）",
  planned: "年度计划项目数",
  planStart: "计划本年开工项目数",
  planStarted: "计划本年开工且已开工项目数",
  planDue: "应开工（计划）项目数",
  planDueStarted: "应开工且已开工项目数",
  planProduction: "计划本年投产项目数",
  planProducing: "计划本年投产且已投产项目数",
  plannedInvestment: "本年计划投资（万元）",
  yearCompleted: "本年完成投资（万元）",
  totalInvestment: "总投资（万元）",
  totalCompleted: "累计完成投资（万元）",
  dueNotStarted: "应开工未开工项目数",
};

const PUBLISHED_AT = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/** An instant (ISO) as Beijing time, "2026/11/05 10:30". */
export function formatPublishedAt(iso: string): string {
  return PUBLISHED_AT.format(new Date(iso));
}
