import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { withRequestLog } from "@/lib/api/request-log";
import { errorJson, searchParamsRecord, signInFirst } from "@/lib/server/excel/excel-response";
import { readUpload } from "@/lib/server/excel/read-upload";

export interface UploadRequest {
  actor: Actor;
  /** The uploaded .xlsx (multipart `file`), its name, and `expected` when the form sent it. */
  upload: Awaited<ReturnType<typeof readUpload>>;
  /** The URL's query (?park=&year= of the plan sheet). */
  params: Record<string, string>;
  locale: () => Promise<Locale>;
}

/**
 * The POST handler of an Excel upload (a preview or a commit of the ledger, the monthly
 * figures or a plan sheet): the reader signed in, the file read (size and type checked), and
 * `run`'s answer as JSON; an error in the API's JSON shape, in the reader's language, with
 * `extra` (a refused import's row problems) added to its body.
 */
export function xlsxUploadRoute(run: (r: UploadRequest) => Promise<unknown>, extra?: (e: unknown) => Record<string, unknown>) {
  return withRequestLog(async function POST(req: Request) {
    const actor = await getActor();
    if (!actor) return signInFirst("json");
    try {
      const upload = await readUpload(req);
      return Response.json(await run({ actor, upload, params: searchParamsRecord(req.url), locale: getRequestLocale }));
    } catch (e) {
      return errorJson(e, extra);
    }
  });
}
