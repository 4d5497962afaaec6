import { getActor } from "@/lib/auth/session";
import { exportMinutes } from "@/lib/server/meetings/export-minutes";
import { notFound } from "@/lib/server/errors";
import { badFilters, errorText, searchParamsRecord, signInFirst, streamedXlsx, exportLang } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** 会议纪要 of one meeting as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = withRequestLog(async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  const { id } = await ctx.params;
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) return errorText(notFound("会商"));
  const { lang } = searchParamsRecord(req.url);
  const language = exportLang(lang);
  if (language.problem) return badFilters([language.problem]);
  try {
    const locale = await language.locale();
    return streamedXlsx(await exportMinutes(actor, n, undefined, locale));
  } catch (e) {
    return errorText(e);
  }
});
