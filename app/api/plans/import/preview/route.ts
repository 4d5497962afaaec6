import { getActor } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { previewPlanImport } from "@/lib/server/excel/plans-import";
import { planPreviewIn } from "@/lib/server/excel/import-language";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, searchParamsRecord, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file } ?park=&year=: what importing the plan sheet would do, every problem by
 * row and column; writes nothing. In the reader's language (problems, before → after plans).
 */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("json");
  try {
    const { bytes } = await readUpload(req);
    return Response.json(planPreviewIn(await previewPlanImport(actor, searchParamsRecord(req.url), bytes), await getRequestLocale()));
  } catch (e) {
    return errorJson(e);
  }
});
