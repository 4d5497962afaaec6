// The audit page's filters as they travel in the URL. Kinds of record and actions are the
// labelled ones (lib/domain/audit-labels.ts): a code typed by hand that the page could not
// name is refused with a message rather than matched blindly.

import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/domain/audit-labels";
import { type RawSearchParams, parseUrlFilters, urlDate, urlId, urlPage } from "./url-filters";
import { searchText } from "./fields";


export const AUDIT_PAGE_SIZE = 50;

export const auditFiltersSchema = z
  .object({
    /** The person who acted (user id), set by clicking a name in the list. */
    actor: urlId("操作人").optional(),
    /** Part of the acting person's name or username. */
    who: searchText("操作人", 50).optional(),
    park: urlId("园区").optional(),
    entity: z.enum(AUDIT_ENTITY_TYPES as [string, ...string[]], { message: "记录类型无效" }).optional(),
    action: z.enum(AUDIT_ACTIONS as [string, ...string[]], { message: "操作类型无效" }).optional(),
    /** Days in Beijing time, both included. */
    from: urlDate("开始日期").optional(),
    to: urlDate("结束日期").optional(),
    page: urlPage(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.to < f.from) ctx.addIssue({ code: "custom", path: ["to"], message: "结束日期不能早于开始日期" });
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const parseAuditFilters = (raw: RawSearchParams) => parseUrlFilters(auditFiltersSchema, raw);
