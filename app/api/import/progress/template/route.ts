import { getActor } from "@/lib/auth/session";
import { buildProgressTemplate } from "@/lib/server/excel/progress-template";
import { XLSX_TYPE, badFilters, errorText, exportLang, searchParamsRecord, signInFirst } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * GET: last month's figures sheet for the projects the user files for, in the reader's
 * language or the one `lang` asks for (zh-CN or en: sheet, title, headers, notes); the import
 * reads both.
 */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const language = exportLang(searchParamsRecord(req.url).lang);
    if (language.problem) return badFilters([language.problem]);
    const { fileName, bytes } = await buildProgressTemplate(actor, undefined, await language.locale());
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader(fileName), "cache-control": "no-store" },
    });
  } catch (e) {
    return errorText(e);
  }
});
