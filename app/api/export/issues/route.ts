import { parseIssueFilters } from "@/lib/validation/issues";
import { exportIssues } from "@/lib/server/excel/export-issues";
import { xlsxExportRoute } from "@/lib/api/xlsx-export-route";

export const dynamic = "force-dynamic";

/** The /issues list for the same URL filters, as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = xlsxExportRoute(parseIssueFilters, (actor, filters, locale) => exportIssues(actor, filters, undefined, locale));
