import { getActor } from "@/lib/auth/session";
import { parseProgressExportFilters } from "@/lib/validation/excel-export";
import { exportProgress } from "@/lib/server/excel/export-progress";
import { badFilters, errorText, searchParamsRecord, streamedXlsx, exportLang, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** Monthly progress filings (?park=, ?project=, ?year=) as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const { lang, ...params } = searchParamsRecord(req.url);
    const { filters, errors } = parseProgressExportFilters(params);
    const language = exportLang(lang);
    if (language.problem) errors.push(language.problem);
    // A list page ignores a bad filter; an export must not silently widen to everything.
    if (errors.length > 0) return badFilters(errors);
    const locale = await language.locale();
    return streamedXlsx(await exportProgress(actor, filters, locale));
  } catch (e) {
    return errorText(e);
  }
});
