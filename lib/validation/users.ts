// Accounts, roles and passwords: the admin pages, the park leader's delegation, the
// account page and the API all parse with these.

import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";
import { PASSWORD_MAX_LENGTH } from "@/lib/domain/password-policy";
import { PHONE, idField, optionalText, requiredText, searchText, userString } from "./fields";

const unknownKeys = (iss: { code?: string; keys?: string[] }) =>
  iss.code === "unrecognized_keys" ? `不能修改的字段：${(iss.keys ?? []).join("、")}` : "请求格式不正确";

export const usernameField = requiredText("用户名", 32).regex(
  /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/,
  "用户名须以字母开头，3–32 位字母、数字、_ . -",
);

const phone = optionalText("电话", 30).refine((v) => v === null || PHONE.test(v), "电话格式不正确（数字，可含 + - 和空格）");

export const membershipSchema = z.object(
  {
    role: z.enum(ROLES, { error: "请选择角色" }),
    parkId: idField("园区").nullish().transform((v) => v ?? null),
    regionId: idField("市州").nullish().transform((v) => v ?? null),
  },
  { error: "请求格式不正确" },
);
export type MembershipData = z.output<typeof membershipSchema>;

const profile = {
  name: requiredText("姓名", 50),
  unit: optionalText("单位/部门", 100),
  title: optionalText("职务", 50),
  phone,
};

export const userCreateSchema = z.object(
  {
    username: usernameField,
    ...profile,
    memberships: z.array(membershipSchema, { error: "角色格式不正确" }).max(50, "角色最多 50 个").default([]),
  },
  { error: "请求格式不正确" },
);
export type UserCreateData = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z
  .strictObject(
    {
      name: profile.name.optional(),
      unit: profile.unit.optional(),
      title: profile.title.optional(),
      phone: profile.phone.optional(),
      isActive: z.boolean({ error: "启用状态须为 true 或 false" }).optional(),
    },
    { error: unknownKeys },
  )
  .refine((v) => Object.keys(v).length > 0, { message: "没有要修改的字段" });
export type UserUpdateData = z.output<typeof userUpdateSchema>;

export const passwordChangeSchema = z.object(
  {
    currentPassword: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(PASSWORD_MAX_LENGTH, "当前密码不正确"),
    newPassword: userString("新密码", "请填写新密码").min(1, "请填写新密码"),
  },
  { error: "请求格式不正确" },
);
export type PasswordChangeData = z.output<typeof passwordChangeSchema>;

export const userListSchema = z.object({
  q: searchText("搜索词", 50).optional().catch(undefined),
  park: idField("园区").optional().catch(undefined),
  active: z.enum(["1", "0"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(50),
});
export type UserListFilters = z.output<typeof userListSchema>;
