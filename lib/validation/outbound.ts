// The outbound gateway's report (POST /api/outbox/delivered).

import { z } from "zod";
import { userString } from "./fields";

const id = z.number({ error: "消息编号须为整数" }).int("消息编号须为整数").min(1, "消息编号无效").max(2_147_483_647, "消息编号无效");

export const outboundReportSchema = z.object(
  {
    delivered: z.array(id, { error: "delivered 须为消息编号数组" }).max(1000, "一次最多报告 1000 条").default([]),
    failed: z
      .array(z.object({ id, error: userString("失败原因").trim().min(1, "请填写失败原因").max(500, "失败原因不能超过 500 个字符") }, { error: "failed 的每一项须为含 id 和 error 的对象" }), { error: "failed 须为数组" })
      .max(1000, "一次最多报告 1000 条")
      .default([]),
  },
  { error: "请求体须为含 delivered 和 failed 的 JSON 对象" },
);

export const outboundLimitSchema = z.coerce.number({ error: "limit 须为数字" }).int("limit 须为整数").min(1, "limit 至少为 1").max(500, "limit 不能超过 500").default(100);
