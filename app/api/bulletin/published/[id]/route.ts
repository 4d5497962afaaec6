import { getActor } from "@/lib/auth/session";
import { ymKey } from "@/lib/domain/filing";
import { urlId } from "@/lib/validation/url-filters";
import { getPublishedBulletinContent } from "@/lib/server/bulletin/published-bulletin";
import { bulletinFileName, bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { AppError, notFound } from "@/lib/server/errors";
import { XLSX_TYPE, errorText, searchParamsRecord, exportLang, signInFirst } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * A published bulletin as .xlsx, from its frozen content (the same every time it is downloaded),
 * in the reader's language or the one `lang` asks for (zh-CN or en).
 */
export const GET = withRequestLog(async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  const id = urlId("通报").safeParse((await params).id);
  if (!id.success) return errorText(notFound("通报"));
  const { lang } = searchParamsRecord(req.url);
  const language = exportLang(lang);
  if (language.problem) return errorText(new AppError("VALIDATION", language.problem));
  try {
    const locale = await language.locale();
    const b = await getPublishedBulletinContent(actor, id.data);
    const body = await bulletinWorkbook(b.content, { corrections: b.content.corrections, published: b, locale });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(bulletinFileName(locale, b.scopeName, ymKey(b), b.revision)),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorText(e);
  }
});
