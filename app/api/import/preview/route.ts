import { getActor } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { previewImport } from "@/lib/server/excel/preview-import";
import { ledgerPreviewIn } from "@/lib/server/excel/import-language";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file }: what importing it would do, every problem by row and column; writes
 * nothing. In the reader's language (problems, before → after values); Chinese for the rest.
 */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("json");
  try {
    const { bytes } = await readUpload(req);
    return Response.json(ledgerPreviewIn(await previewImport(actor, bytes), await getRequestLocale()));
  } catch (e) {
    return errorJson(e);
  }
});
