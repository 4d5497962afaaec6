import { getActor } from "@/lib/auth/session";
import { buildTemplate, templateFileName } from "@/lib/server/excel/build-template";
import { XLSX_TYPE, badFilters, errorText, exportLang, searchParamsRecord, signInFirst } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * The empty ledger template, in the reader's language or the one `lang` asks for (zh-CN or
 * en: sheets, headers, notes, choices, instructions); the import reads both.
 */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  try {
    const language = exportLang(searchParamsRecord(req.url).lang);
    if (language.problem) return badFilters([language.problem]);
    const locale = await language.locale();
    const file = await buildTemplate(actor, locale);
    return new Response(new Uint8Array(file), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader(templateFileName(locale)), "cache-control": "no-store" },
    });
  } catch (e) {
    return errorText(e);
  }
});
