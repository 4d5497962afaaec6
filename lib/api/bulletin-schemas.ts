// Response shapes of the published-bulletin endpoints (/api/v1/bulletins): the OpenAPI
// document is generated from them and the integration tests parse real responses with them.

import { z } from "zod";
import { METRICS } from "@/lib/domain/indicators";
import type { PublishedBulletin, PublishedList, PublishedMeta } from "@/lib/server/bulletin/published-bulletin";

const instant = z.iso.datetime({ offset: true }).meta({ description: "时间戳 ISO 8601" });

const scopeSchema = z
  .object({
    kind: z.enum(["park", "region"]).meta({ description: "park 园区通报 / region 市州通报" }),
    id: z.int().meta({ description: "园区或市州 id" }),
    name: z.string(),
  })
  .meta({ description: "通报范围" });

export const publishedBulletinMetaSchema = z
  .object({
    id: z.int(),
    scope: scopeSchema,
    year: z.int(),
    month: z.int().meta({ description: "通报月份 1-12（统计期为当年 1 月至该月）" }),
    revision: z.int().meta({ description: "版本：1 为首次定稿，更正版依次加 1" }),
    rankKey: z.string().meta({ description: "园区排名所依据的指标" }),
    parkIds: z.array(z.int()).meta({ description: "通报覆盖的园区（定稿时）；这些园区截至通报月份的月报随之关闭" }),
    publishedAt: instant,
    publishedBy: z.object({ id: z.int(), name: z.string() }),
    supersedes: z.object({ id: z.int(), revision: z.int() }).nullable().meta({ description: "本版为更正版时：被取代的版本" }),
    correctionReason: z.string().nullable().meta({ description: "更正原因（更正版）" }),
    supersededBy: z
      .object({ id: z.int(), revision: z.int(), publishedAt: instant, correctionReason: z.string().nullable() })
      .nullable()
      .meta({ description: "已被更正版取代时：取代它的版本" }),
  })
  .meta({ id: "PublishedBulletinSummary" });

export const publishedBulletinListSchema = z
  .object({ items: z.array(publishedBulletinMetaSchema), total: z.int(), page: z.int(), pageSize: z.int(), pageCount: z.int() })
  .meta({ id: "PublishedBulletinList" });

const row = z.looseObject({});

export const publishedBulletinSchema = publishedBulletinMetaSchema
  .extend({
    content: z
      .looseObject({
        month: z.object({ year: z.int(), month: z.int() }),
        previous: z.object({ year: z.int(), month: z.int() }),
        scopeName: z.string(),
        rankKey: z.string(),
        generatedAt: z.string(),
        counts: z.record(z.string(), z.union([z.number(), z.string()])).meta({ description: "各项计数与金额（万元，字符串）" }),
        previousCounts: z.record(z.string(), z.union([z.number(), z.string()])),
        indicators: z.array(row).meta({ description: "各项指标：本月、上月与变化（百分点）" }),
        timeProgress: z.number(),
        ranking: z.array(row).meta({ description: "园区排名（含上月排名）" }),
        red: z.array(row).meta({ description: "红榜" }),
        black: z.array(row).meta({ description: "黑榜" }),
        redProjects: z.looseObject({ total: z.int(), rows: z.array(row) }).meta({ description: "红灯项目（定稿时）" }),
        overdue: z.looseObject({ total: z.int(), items: z.array(row) }).meta({ description: "超期诉求（定稿时）" }),
        corrections: z.looseObject({ since: z.string(), until: z.string(), total: z.int(), items: z.array(row) }).meta({ description: "更正说明：已定稿月份的获批更正" }),
        points: z
          .looseObject({ periodLabel: z.string(), parks: z.array(row), liaisons: z.array(row), liaisonTotal: z.int() })
          .optional()
          .meta({ description: "积分考核（定稿时选择附上才有）：各园区本月积分与包保责任人前 10 名" }),
      })
      .meta({ description: "定稿时冻结的通报全文（与通报页面、打印和 Excel 相同）" }),
    figures: z.partialRecord(z.enum(METRICS), z.array(z.int())).meta({ description: "每个数字背后的项目 id（下钻口径，定稿时）" }),
  })
  .meta({ id: "PublishedBulletin" });

export const publishedBulletinCreatedSchema = z
  .object({ id: z.int(), revision: z.int(), supersededId: z.int().nullable().meta({ description: "本次更正所取代的通报 id" }) })
  .meta({ id: "PublishedBulletinCreated" });

export function publishedMetaToJson(m: PublishedMeta): z.infer<typeof publishedBulletinMetaSchema> {
  return {
    id: m.id,
    scope: m.scope.park !== undefined ? { kind: "park", id: m.scope.park, name: m.scopeName } : { kind: "region", id: m.scope.region, name: m.scopeName },
    year: m.year,
    month: m.month,
    revision: m.revision,
    rankKey: m.rankKey,
    parkIds: m.parkIds,
    publishedAt: m.publishedAt,
    publishedBy: m.publishedBy,
    supersedes: m.supersedes,
    correctionReason: m.correctionReason,
    supersededBy: m.supersededBy,
  };
}

export function publishedListToJson(l: PublishedList): z.infer<typeof publishedBulletinListSchema> {
  return { items: l.rows.map(publishedMetaToJson), total: l.total, page: l.page, pageSize: l.pageSize, pageCount: l.pageCount };
}

export function publishedBulletinToJson(b: PublishedBulletin) {
  return { ...publishedMetaToJson(b), content: b.content, figures: b.figures };
}
