import { getActor } from "@/lib/auth/session";
import { exportPlans } from "@/lib/server/excel/plans-export";
import { errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** A park's annual plan sheet for a year (?park=&year=) as .xlsx: the file the plan import takes back. */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    return streamedXlsx(await exportPlans(actor, searchParamsRecord(req.url)));
  } catch (e) {
    return errorText(e);
  }
});
