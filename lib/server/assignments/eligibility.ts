import "server-only";
// Who may take a 包保 role in a park, shared by the single and the bulk assignment and
// by the pickers.
import { ASSIGNMENT_ROLE_LABEL, ELIGIBLE_PARK_ROLES, type AssignmentRole } from "@/lib/domain/coverage";
import type { Prisma } from "@/lib/db/generated/prisma/client";

/** Prisma filter: active users holding a park role that may take `role` in `parkId`. */
export function eligibleUserWhere(parkId: number, role: AssignmentRole): Prisma.UserWhereInput {
  return { isActive: true, memberships: { some: { parkId, role: { in: [...ELIGIBLE_PARK_ROLES[role]] } } } };
}

/** The message on the user field when someone cannot take `role`. */
export function ineligibleMessage(role: AssignmentRole, fieldLabel: string = ASSIGNMENT_ROLE_LABEL[role]): string {
  return role === "LIAISON"
    ? `${fieldLabel}须为本园区在岗的包保责任人或园区工作人员`
    : `${fieldLabel}须为本园区在岗的园区领导`;
}
