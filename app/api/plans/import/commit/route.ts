import { getActor } from "@/lib/auth/session";
import { PlanImportRejected, commitPlanImport } from "@/lib/server/excel/plans-import";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, searchParamsRecord } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** POST multipart { file } ?park=&year=: imports every row of the plan sheet in one transaction, or nothing (422 with the problems). */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "请先登录" }, { status: 401 });
  try {
    const { bytes, fileName } = await readUpload(req);
    return Response.json(await commitPlanImport(actor, searchParamsRecord(req.url), bytes, fileName));
  } catch (e) {
    return errorJson(e, (err) => (err instanceof PlanImportRejected ? { errors: err.issues } : {}));
  }
});
