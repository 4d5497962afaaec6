// Who may grant which role where, and whose account a park leader may manage. Pure: the
// server passes the actor's managed parks and the target's memberships.

import { DELEGABLE_ROLES, PARK_ROLES, ROLE_LABELS, type Role } from "@/lib/domain/permissions";

export interface MembershipScope {
  role: Role;
  parkId: number | null;
  regionId: number | null;
}

/** Administrator, or the parks where the actor is a park leader (member.manage). */
export interface AdminScope {
  isAdmin: boolean;
  leaderParkIds: readonly number[];
}

/** Why a membership has the wrong shape for its role (field -> message), or null. */
export function membershipShapeProblem(m: MembershipScope): { field: "role" | "parkId" | "regionId"; message: string } | null {
  if (m.role === "ADMIN") {
    if (m.parkId !== null || m.regionId !== null) return { field: "role", message: "系统管理员对全部园区有效，不能指定园区或市州" };
    return null;
  }
  if (m.role === "REGION_LEADER") {
    if (m.regionId === null) return { field: "regionId", message: "市州领导须选择所属市州" };
    if (m.parkId !== null) return { field: "parkId", message: "市州领导按市州授权，不能指定园区" };
    return null;
  }
  if (m.parkId === null) return { field: "parkId", message: `${ROLE_LABELS[m.role]}须选择园区` };
  if (m.regionId !== null) return { field: "regionId", message: `${ROLE_LABELS[m.role]}按园区授权，不能指定市州` };
  return null;
}

/**
 * Why the actor may not grant or remove this membership, or null. A park leader hands out
 * only PARK_STAFF and LIAISON, only in their own parks; never a role at or above their own.
 */
export function membershipGrantProblem(actor: AdminScope, m: MembershipScope): string | null {
  if (actor.isAdmin) return null;
  if (!DELEGABLE_ROLES.includes(m.role)) return `园区领导只能分配园区工作人员和包保责任人，不能分配${ROLE_LABELS[m.role]}`;
  if (m.parkId === null || !actor.leaderParkIds.includes(m.parkId)) return "只能在本人担任园区领导的园区分配角色";
  return null;
}

/**
 * Whether the actor manages this person's account as a whole (profile, password reset,
 * disabling): an administrator always; a park leader only when every role the person holds
 * is a delegable role in one of the leader's parks (someone who also works elsewhere, or
 * holds a higher role, is the administrator's to manage).
 */
export function managesAccount(actor: AdminScope, memberships: readonly MembershipScope[]): boolean {
  if (actor.isAdmin) return true;
  if (memberships.length === 0) return false;
  return memberships.every((m) => membershipGrantProblem(actor, m) === null);
}

/** Whether the actor may see this person at all (a park leader: anyone with a role in their parks). */
export function seesAccount(actor: AdminScope, memberships: readonly MembershipScope[]): boolean {
  if (actor.isAdmin) return true;
  return memberships.some((m) => m.parkId !== null && actor.leaderParkIds.includes(m.parkId));
}

export const isParkRole = (role: Role) => PARK_ROLES.includes(role);
