import { getActor } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { ImportRejectedError, commitImport } from "@/lib/server/excel/commit-import";
import { resultIn } from "@/lib/server/excel/import-language";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file, expected? }: imports every row in one transaction, or nothing (422 with
 * the problems). The summary and the problems in the reader's language.
 */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("json");
  try {
    const { bytes, fileName, expected } = await readUpload(req);
    return Response.json(resultIn(await commitImport(actor, bytes, fileName, expected), await getRequestLocale()));
  } catch (e) {
    return errorJson(e, (err) => (err instanceof ImportRejectedError ? { errors: err.issues } : {}));
  }
});
