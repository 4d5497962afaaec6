// Where each role lands after sign-in: the page of their daily work.

import type { Role } from "@/lib/domain/permissions";

/**
 * A liaison on 我的包保, leaders on the dashboard, staff on their park's board,
 * administrators on the park overview. Someone with several roles gets the broadest.
 */
export function landingPath(roles: readonly Role[], staffParkId: number | null): string {
  if (roles.includes("ADMIN")) return "/parks";
  if (roles.includes("REGION_LEADER") || roles.includes("PARK_LEADER")) return "/dashboard";
  if (roles.includes("PARK_STAFF")) return staffParkId ? `/board?park=${staffParkId}` : "/board";
  if (roles.includes("LIAISON")) return "/liaison";
  return "/parks";
}
