import { getActor } from "@/lib/auth/session";
import { ymKey } from "@/lib/domain/filing";
import { urlId } from "@/lib/validation/url-filters";
import { getPublishedBulletin } from "@/lib/server/bulletin/published-bulletin";
import { bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { XLSX_TYPE, errorText } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** A published bulletin as .xlsx, from its frozen content (the same every time it is downloaded). */
export const GET = withRequestLog(async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  const id = urlId("通报").safeParse((await params).id);
  if (!id.success) return new Response("通报不存在或无权查看", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  try {
    const b = await getPublishedBulletin(actor, id.data);
    const body = await bulletinWorkbook(b.content, { corrections: b.content.corrections, published: b });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX_TYPE,
        "content-disposition": attachmentHeader(`月度通报-${b.scopeName}-${ymKey(b)}-定稿第${b.revision}版.xlsx`),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorText(e);
  }
});
