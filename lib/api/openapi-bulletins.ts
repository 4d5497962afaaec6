// The published-bulletin operations of /api/v1 (定稿通报, docs/bulletins.md): reading for
// anyone who reads the dashboard of the bulletin's parks; publishing only with a leader's
// signed-in session (an API token gets 403).

import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { publishBulletinSchema, publishedBulletinListSchema } from "@/lib/validation/published-bulletins";
import * as B from "./bulletin-schemas";
import type { Operation } from "./openapi";

const LABELS = {
  park: "园区 id（园区通报；与 region 二选一）",
  region: "市州 id（市州通报；与 park 二选一）",
  month: "通报月份 YYYY-MM（须为已结束的月份）",
  rank: `园区排名所依据的指标：${INDICATOR_DEFS.map((d) => `${d.key} ${d.label}`).join("、")}；默认 investmentYear`,
  supersedes: "被更正的通报 id（发布更正版时；须为同一范围、同一月份的最新版本）",
  reason: "更正原因（发布更正版时必填）",
  points: "附积分考核：true 时通报附上该月各园区积分与包保责任人前 10 名，随通报冻结",
  year: "通报年份",
  page: "页码，默认 1",
  pageSize: "每页条数，1-200，默认 50",
};

export const BULLETIN_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/bulletins",
    tag: "月度通报",
    summary: "已定稿的月度通报",
    description:
      "调用者可查看的定稿通报（含已被更正版取代的旧版本，supersededBy 非空），按月份新的在前，页码分页。可按园区（park，园区自己的通报）、市州（region）和年份筛选。只列出调用者可查看其覆盖的全部园区的通报。",
    permission: "dashboard.read",
    query: publishedBulletinListSchema,
    labels: LABELS,
    success: { status: 200, description: "一页定稿通报", schema: B.publishedBulletinListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/bulletins",
    tag: "月度通报",
    summary: "定稿发布月度通报（或发布更正版）",
    description:
      "冻结该月该范围的通报：全部指标、园区排名与红黑榜、红灯项目、超期诉求、更正说明，以及每个数字背后的项目 id；之后的台账修改不再改变它。园区通报由该园区的园区领导发布，市州通报由该市州的市州领导或系统管理员发布。同一范围、同一月份已发布的，再次发布返回 409；更正须带 supersedes（最新版本的 id）与 reason，新版本取代旧版本，两者都保留。发布后，覆盖园区截至该月的月报关闭，更正须经园区领导审批。只接受登录会话（Cookie），不接受接口令牌（令牌调用返回 403）。",
    permission: "bulletin.publish",
    body: { schema: publishBulletinSchema, example: { park: 1, month: "2026-10", rank: "investmentYear" } },
    labels: LABELS,
    success: { status: 201, description: "已定稿（Location 头指向该通报）", schema: B.publishedBulletinCreatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/bulletins/{id}",
    tag: "月度通报",
    summary: "一份定稿通报",
    description: "定稿时冻结的通报全文（content）与每个数字背后的项目 id（figures，按下钻口径）；是否已被更正版取代见 supersededBy。",
    permission: "dashboard.read",
    pathParams: [{ name: "id", description: "通报 id" }],
    success: { status: 200, description: "定稿通报", schema: B.publishedBulletinSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED"],
  },
];
