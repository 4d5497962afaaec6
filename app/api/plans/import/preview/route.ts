import { getActor } from "@/lib/auth/session";
import { previewPlanImport } from "@/lib/server/excel/plans-import";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, searchParamsRecord } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** POST multipart { file } ?park=&year=: what importing the plan sheet would do, every problem by row and column; writes nothing. */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "请先登录" }, { status: 401 });
  try {
    const { bytes } = await readUpload(req);
    return Response.json(await previewPlanImport(actor, searchParamsRecord(req.url), bytes));
  } catch (e) {
    return errorJson(e);
  }
});
