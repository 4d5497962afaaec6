import { getActor } from "@/lib/auth/session";
import { exportPoints } from "@/lib/server/points/export-points";
import { errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** The points leaderboard or its events for the same URL filters, as .xlsx. */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    return streamedXlsx(await exportPoints(actor, searchParamsRecord(req.url)));
  } catch (e) {
    return errorText(e);
  }
});
