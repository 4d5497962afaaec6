// Response shapes of the accounts and organisation endpoints (administrators' and park
// leaders' sessions only), registered for the OpenAPI document like schemas.ts.

import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";
import { PARK_LEVELS, PARK_TYPES } from "@/lib/validation/org";

const instant = z.iso.datetime({ offset: true }).meta({ description: "时间戳 ISO 8601" });

export const regionSchema = z
  .object({ id: z.int(), code: z.string(), name: z.string(), archived: z.boolean().meta({ description: "已归档：不再用于新工作，历史与统计保留" }), parkCount: z.int().optional() })
  .meta({ id: "Region" });
export const regionListSchema = z.object({ items: z.array(regionSchema) }).meta({ id: "RegionList" });

export const parkAdminSchema = z
  .object({ id: z.int(), code: z.string(), name: z.string(), level: z.enum(PARK_LEVELS), type: z.enum(PARK_TYPES), regionId: z.int(), archived: z.boolean() })
  .meta({ id: "ParkRecord" });

export const membershipOutSchema = z
  .object({ id: z.int(), role: z.enum(ROLES), parkId: z.int().nullable(), parkName: z.string().nullable(), regionId: z.int().nullable(), regionName: z.string().nullable() })
  .meta({ id: "Membership" });

export const userOutSchema = z
  .object({
    id: z.int(),
    username: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    isActive: z.boolean(),
    mustChangePassword: z.boolean().meta({ description: "仍在使用临时密码" }),
    lastLoginAt: instant.nullable(),
    memberships: z.array(membershipOutSchema),
  })
  .meta({ id: "User" });
export const userListOutSchema = z.object({ items: z.array(userOutSchema), total: z.int(), page: z.int(), pageCount: z.int() }).meta({ id: "UserList" });
export const userCreatedSchema = z
  .object({ id: z.int(), username: z.string(), name: z.string(), temporaryPassword: z.string().meta({ description: "一次性临时密码，只返回这一次；首次登录后须修改" }) })
  .meta({ id: "UserCreated" });
export const userUpdatedSchema = z.object({ id: z.int(), changed: z.array(z.string()) }).meta({ id: "UserUpdated" });
export const passwordResetSchema = z.object({ id: z.int(), username: z.string(), temporaryPassword: z.string() }).meta({ id: "PasswordReset" });
export const idOnlySchema = z.object({ id: z.int() }).meta({ id: "IdOnly" });
export const passwordChangedSchema = z.object({ changed: z.literal(true) }).meta({ id: "PasswordChanged" });

type MembershipRow = { id: number; role: (typeof ROLES)[number]; parkId: number | null; regionId: number | null; park: { name: string } | null; region: { name: string } | null };
type UserRow = {
  id: number;
  username: string;
  name: string;
  unit: string | null;
  title: string | null;
  phone: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  memberships: MembershipRow[];
};

export function userToJson(u: UserRow): z.infer<typeof userOutSchema> {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    unit: u.unit,
    title: u.title,
    phone: u.phone,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    memberships: u.memberships.map((m) => ({ id: m.id, role: m.role, parkId: m.parkId, parkName: m.park?.name ?? null, regionId: m.regionId, regionName: m.region?.name ?? null })),
  };
}

export function parkToJson(p: { id: number; code: string; name: string; level: (typeof PARK_LEVELS)[number]; type: (typeof PARK_TYPES)[number]; regionId: number; archivedAt: Date | null }) {
  const { archivedAt, ...rest } = p;
  return { ...rest, archived: archivedAt !== null };
}

export function regionToJson(r: { id: number; code: string; name: string; archivedAt: Date | null; parkCount?: number }) {
  const { archivedAt, ...rest } = r;
  return { ...rest, archived: archivedAt !== null };
}
