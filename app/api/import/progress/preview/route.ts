import { getActor } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { previewProgressImport } from "@/lib/server/excel/progress-import";
import { progressPreviewIn } from "@/lib/server/excel/import-language";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file }: what importing the monthly figures would do, every problem by row and
 * column; keeps nothing. In the reader's language (problems, months, amounts).
 */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("json");
  try {
    const { bytes } = await readUpload(req);
    return Response.json(progressPreviewIn(await previewProgressImport(actor, bytes), await getRequestLocale()));
  } catch (e) {
    return errorJson(e);
  }
});
