import { getActor } from "@/lib/auth/session";
import { ymKey } from "@/lib/domain/filing";
import { parseBulletinParams } from "@/lib/validation/bulletin";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { bulletinFileName, bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { listCorrectionNotes } from "@/lib/server/bulletin/bulletin-corrections";
import { bulletinScopeKey } from "@/lib/domain/published-bulletins";
import { AppError } from "@/lib/server/errors";
import { XLSX_TYPE, errorText, searchParamsRecord, exportLang, signInFirst } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** The monthly bulletin for the page's month and scope, as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  const { lang, ...query } = searchParamsRecord(req.url);
  const { params, errors } = parseBulletinParams(query);
  const language = exportLang(lang);
  if (language.problem) errors.push(language.problem);
  // A download is explicit: a bad month or scope is refused by name instead of quietly replaced (in the reader's language).
  if (errors.length > 0) return errorText(new AppError("VALIDATION", errors.join("；")));
  try {
    const bulletin = await getBulletin(actor, params);
    const scope = params.park ? { park: params.park } : params.region ? { region: params.region } : null;
    const corrections = await listCorrectionNotes({ scopeKey: scope ? bulletinScopeKey(scope) : null, parkIds: bulletin.ranking.map((r) => r.row.parkId), month: params.month });
    // The 更正说明 sheet when there is something to say (the page always shows the section).
    const locale = await language.locale();
    const body = await bulletinWorkbook(bulletin, corrections.total > 0 ? { corrections, locale } : { locale });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(bulletinFileName(locale, bulletin.scopeName, ymKey(bulletin.month))),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorText(e);
  }
});
