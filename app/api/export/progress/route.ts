import { getActor } from "@/lib/auth/session";
import { parseProgressExportFilters } from "@/lib/validation/excel-export";
import { exportProgress } from "@/lib/server/excel/export-progress";
import { badFilters, errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** Monthly progress filings (?park=, ?project=, ?year=) as .xlsx. */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { filters, errors } = parseProgressExportFilters(searchParamsRecord(req.url));
    // A list page ignores a bad filter; an export must not silently widen to everything.
    if (errors.length > 0) return badFilters(errors);
    return streamedXlsx(await exportProgress(actor, filters));
  } catch (e) {
    return errorText(e);
  }
});
