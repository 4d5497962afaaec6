import { getActor } from "@/lib/auth/session";
import { exportPoints } from "@/lib/server/points/export-points";
import { badFilters, errorText, searchParamsRecord, streamedXlsx, exportLang, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** The points leaderboard or its events for the same URL filters, as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const { lang, ...params } = searchParamsRecord(req.url);
    const language = exportLang(lang);
    if (language.problem) return badFilters([language.problem]);
    const locale = await language.locale();
    return streamedXlsx(await exportPoints(actor, params, undefined, locale));
  } catch (e) {
    return errorText(e);
  }
});
