import { getActor } from "@/lib/auth/session";
import { parseIssueFilters } from "@/lib/validation/issues";
import { exportIssues } from "@/lib/server/excel/export-issues";
import { errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";

export const dynamic = "force-dynamic";

/** The /issues list for the same URL filters, as .xlsx. */
export async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { filters } = parseIssueFilters(searchParamsRecord(req.url));
    return streamedXlsx(await exportIssues(actor, filters));
  } catch (e) {
    return errorText(e);
  }
}
