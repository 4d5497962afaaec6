import type { PassThrough } from "node:stream";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { withRequestLog } from "@/lib/api/request-log";
import { badFilters, errorText, exportLang, searchParamsRecord, signInFirst, streamedXlsx } from "@/lib/server/excel/excel-response";

type Job = { fileName: string; write: (out: PassThrough) => Promise<number> };

/**
 * The GET handler of a list's .xlsx download: the reader signed in; the URL's filters parsed
 * by `parse`, and a bad filter or `lang` refused with its message (a list page ignores a bad
 * filter; an export must not silently widen to everything); the workbook `build` prepares,
 * streamed in the reader's language or the one `lang` asks for (zh-CN or en).
 */
export function xlsxExportRoute<F>(
  parse: (params: Record<string, string>) => { filters: F; errors: string[] },
  build: (actor: Actor, filters: F, locale: Locale) => Promise<Job>,
) {
  return withRequestLog(async function GET(req: Request) {
    const actor = await getActor();
    if (!actor) return signInFirst("text");
    try {
      const { lang, ...params } = searchParamsRecord(req.url);
      const { filters, errors } = parse(params);
      const language = exportLang(lang);
      if (language.problem) errors.push(language.problem);
      if (errors.length > 0) return badFilters(errors);
      return streamedXlsx(await build(actor, filters, await language.locale()));
    } catch (e) {
      return errorText(e);
    }
  });
}
