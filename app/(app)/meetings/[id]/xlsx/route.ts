import { getActor } from "@/lib/auth/session";
import { exportMinutes } from "@/lib/server/meetings/export-minutes";
import { errorText, streamedXlsx } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** 会议纪要 of one meeting as .xlsx. */
export const GET = withRequestLog(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  const { id } = await ctx.params;
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) return new Response("会商不存在或无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    return streamedXlsx(await exportMinutes(actor, n));
  } catch (e) {
    return errorText(e);
  }
});
