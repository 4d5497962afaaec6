import { getActor } from "@/lib/auth/session";
import { parseProjectFilters } from "@/lib/validation/project-filters";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { badFilters, errorText, searchParamsRecord, streamedXlsx, exportLang, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * The /projects list for the same URL filters, as .xlsx (every page, not just the one shown),
 * in the reader's language, or the one `lang` asks for (zh-CN or en: headers, choices, title).
 */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const { lang, ...params } = searchParamsRecord(req.url);
    const { filters, errors } = parseProjectFilters(params);
    const language = exportLang(lang);
    if (language.problem) errors.push(language.problem);
    // A list page ignores a bad filter; an export must not silently widen to everything.
    if (errors.length > 0) return badFilters(errors);
    return streamedXlsx(await exportProjects(actor, filters, await language.locale()));
  } catch (e) {
    return errorText(e);
  }
});
