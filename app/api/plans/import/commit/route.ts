import { getActor } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { PlanImportRejected, commitPlanImport } from "@/lib/server/excel/plans-import";
import { planPreviewIn, resultIn } from "@/lib/server/excel/import-language";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, searchParamsRecord, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file } ?park=&year=: imports every row of the plan sheet in one transaction,
 * or nothing (422 with the problems). The summary and the problems in the reader's language.
 */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("json");
  try {
    const { bytes, fileName } = await readUpload(req);
    const locale = await getRequestLocale();
    return Response.json(resultIn(planPreviewIn(await commitPlanImport(actor, searchParamsRecord(req.url), bytes, fileName), locale), locale));
  } catch (e) {
    return errorJson(e, (err) => (err instanceof PlanImportRejected ? { errors: err.issues } : {}));
  }
});
