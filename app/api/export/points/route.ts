import { getActor } from "@/lib/auth/session";
import { exportPoints } from "@/lib/server/points/export-points";
import { badFilters, errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";
import { isLocale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

/** The points leaderboard or its events for the same URL filters, as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = withRequestLog(async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { lang, ...params } = searchParamsRecord(req.url);
    if (lang !== undefined && !isLocale(lang)) return badFilters(["导出语言 lang 须为 zh-CN 或 en"]);
    const locale = isLocale(lang) ? lang : await getRequestLocale();
    return streamedXlsx(await exportPoints(actor, params, undefined, locale));
  } catch (e) {
    return errorText(e);
  }
});
