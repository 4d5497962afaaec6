import { getActor } from "@/lib/auth/session";
import { parseIssueFilters } from "@/lib/validation/issues";
import { exportIssues } from "@/lib/server/excel/export-issues";
import { badFilters, errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** The /issues list for the same URL filters, as .xlsx. */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { filters, errors } = parseIssueFilters(searchParamsRecord(req.url));
    // A list page ignores a bad filter; an export must not silently widen to everything.
    if (errors.length > 0) return badFilters(errors);
    return streamedXlsx(await exportIssues(actor, filters));
  } catch (e) {
    return errorText(e);
  }
});
