import { getActor } from "@/lib/auth/session";
import { exportPlans } from "@/lib/server/excel/plans-export";
import { badFilters, errorText, exportLang, searchParamsRecord, signInFirst, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** A park's annual plan sheet for a year (?park=&year=) as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en): the file the plan import takes back. */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const { lang, ...params } = searchParamsRecord(req.url);
    const language = exportLang(lang);
    if (language.problem) return badFilters([language.problem]);
    return streamedXlsx(await exportPlans(actor, params, await language.locale()));
  } catch (e) {
    return errorText(e);
  }
});
