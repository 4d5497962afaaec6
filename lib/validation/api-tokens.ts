// Creating an API token (the admin page and, through the same function, anything else).

import { z } from "zod";
import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { API_TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { requiredText, userString } from "./fields";

const parkId = z.coerce.number({ error: "园区无效" }).int("园区无效").min(1, "园区无效").max(2_147_483_647, "园区无效");

export const createApiTokenSchema = z.object(
  {
    name: requiredText("令牌名称", 50),
    scope: z.enum(API_TOKEN_SCOPES, { error: "请选择权限：只读或读写" }),
    parkIds: z
      .array(parkId, { error: "请选择园区" })
      .min(1, "请至少选择一个园区")
      .max(500, "园区最多 500 个")
      .transform((ids) => [...new Set(ids)]),
    /** Last day the token works (Asia/Shanghai); blank = no expiry. */
    expiresOn: userString("有效期", "有效期须为日期")
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .superRefine((v, ctx) => {
        if (v === null) return;
        if (!isIsoDate(v)) ctx.addIssue({ code: "custom", message: "有效期不是有效日期（格式 YYYY-MM-DD）" });
        else if (v < todayInShanghai()) ctx.addIssue({ code: "custom", message: "有效期不能早于今天" });
      }),
  },
  { error: "请求格式不正确" },
);
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreateApiTokenData = z.output<typeof createApiTokenSchema>;

export const apiTokenListSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(20),
  /** Revoked and expired tokens are listed too unless active=1. */
  active: z.enum(["1"]).optional().catch(undefined),
});
export type ApiTokenListFilters = z.infer<typeof apiTokenListSchema>;
