// The typed role -> permission table. Pure: lib/server checks it together with the
// park scope of the acting user, so no route can forget either.

export const ROLES = ["ADMIN", "REGION_LEADER", "PARK_LEADER", "PARK_STAFF", "LIAISON"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "系统管理员",
  REGION_LEADER: "市州领导",
  PARK_LEADER: "园区领导",
  PARK_STAFF: "园区工作人员",
  LIAISON: "包保责任人",
};

export const PERMISSIONS = [
  "park.read", // see a park and its overview figures
  "park.configure", // the park's thresholds: days before a project is stale, visit interval
  "project.read", // every project of the park (LIAISON: only assigned ones, see below)
  "project.write", // create and edit ledger records, move stages forward
  "project.correct", // backward moves, suspend, terminate, resume
  "progress.file", // monthly progress filing
  "progress.approveCorrection", // approve or reject changes to months closed by a published bulletin (park leaders)
  "assignment.manage", // assign liaisons and leaders
  "issue.read",
  "issue.write", // log problems and visits, move them along
  "issue.lead", // set deadlines, approve extensions, escalate to level 3
  "supervision.issue", // issue 督办函 on red projects and overdue problems, accept (销号) or return replies
  "dashboard.read",
  "bulletin.publish", // publish (定稿) a month's bulletin: park leaders for their park, region leaders for their region
  "audit.read",
  "points.manage", // 积分考核 rules: park leaders for their park, region leaders the region's default
  "points.adjust", // 人工加分/减分 with a reason (park leaders)
  "meeting.read", // 每月会商: agendas, decisions, follow-up tasks and minutes of the park's (or region's) meetings
  "meeting.lead", // prepare a meeting's agenda, record attendees, decisions and tasks (park leaders; region leaders for the region)
  "user.manage", // every account and role, regions and parks (administrators)
  "member.manage", // the PARK_STAFF and LIAISON people of a park (park leaders, delegated)
  "holiday.manage",
  "apiToken.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ["park.read", "project.read", "issue.read", "dashboard.read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [...PERMISSIONS],
  REGION_LEADER: [...READ_ALL, "audit.read", "bulletin.publish", "supervision.issue", "points.manage", "meeting.read", "meeting.lead"],
  PARK_LEADER: [
    ...READ_ALL,
    "park.configure",
    "project.correct",
    "assignment.manage",
    "issue.write",
    "issue.lead",
    "audit.read",
    "member.manage",
    "bulletin.publish",
    "progress.approveCorrection",
    "supervision.issue",
    "points.manage",
    "points.adjust",
    "meeting.read",
    "meeting.lead",
  ],
  PARK_STAFF: [...READ_ALL, "project.write", "progress.file", "assignment.manage", "issue.write", "meeting.read"],
  // A liaison reads only the projects and enterprises assigned to them (enforced in lib/server).
  LIAISON: ["park.read", "project.read", "progress.file", "issue.read", "issue.write"],
};

/** Permissions that are not tied to a park: they need the role anywhere. */
export const GLOBAL_PERMISSIONS: readonly Permission[] = ["user.manage", "holiday.manage", "apiToken.manage"];

/** The roles a park leader may hand out and take back in their own park (delegation). */
export const DELEGABLE_ROLES: readonly Role[] = ["PARK_STAFF", "LIAISON"];

/** Roles held in one park; REGION_LEADER is held in a region, ADMIN everywhere. */
export const PARK_ROLES: readonly Role[] = ["PARK_LEADER", "PARK_STAFF", "LIAISON"];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function rolesHave(roles: Iterable<Role>, permission: Permission): boolean {
  for (const role of roles) if (roleHas(role, permission)) return true;
  return false;
}

/** Roles whose project reading is limited to their own assignments. */
export function readsOnlyAssigned(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => r === "LIAISON");
}

/** The acting user with the parks they may touch; every lib/server function takes one. */
export interface Actor {
  userId: number;
  username: string;
  name: string;
  isAdmin: boolean;
  /** Distinct roles held anywhere. */
  roles: Role[];
  /** Park id -> roles held there (a region leader's region expanded to its parks, an admin's to all). */
  parkRoles: Map<number, Role[]>;
  /** When set (API tokens), only these permissions are held, whatever the roles would give. */
  grants?: readonly Permission[];
  /** Signed in with a temporary password: nothing but choosing a new one until then. */
  mustChangePassword?: boolean;
  /** The interface language the person chose (User.locale: zh-CN or en); absent for API tokens. */
  locale?: string;
}

/** Parks where the actor holds `permission`. */
export function parksWith(actor: Actor, permission: Permission): number[] {
  const ids: number[] = [];
  if (actor.grants && !actor.grants.includes(permission)) return ids;
  for (const [parkId, roles] of actor.parkRoles) if (rolesHave(roles, permission)) ids.push(parkId);
  return ids.sort((a, b) => a - b);
}

export function can(actor: Actor, permission: Permission, parkId?: number): boolean {
  if (actor.grants && !actor.grants.includes(permission)) return false;
  if (GLOBAL_PERMISSIONS.includes(permission) || parkId === undefined) return rolesHave(actor.roles, permission);
  return rolesHave(actor.parkRoles.get(parkId) ?? [], permission);
}

/** Splits readable parks into those read in full and those where only assigned projects are visible. */
export function projectReadScope(actor: Actor): { fullParks: number[]; assignedOnlyParks: number[] } {
  const fullParks: number[] = [];
  const assignedOnlyParks: number[] = [];
  for (const [parkId, roles] of actor.parkRoles) {
    if (!rolesHave(roles, "project.read")) continue;
    (readsOnlyAssigned(roles) ? assignedOnlyParks : fullParks).push(parkId);
  }
  return { fullParks, assignedOnlyParks };
}
