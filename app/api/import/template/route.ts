import { getActor } from "@/lib/auth/session";
import { buildTemplate } from "@/lib/server/excel/build-template";
import { XLSX_TYPE, errorText } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

export const GET = withRequestLog(async function GET() {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const file = await buildTemplate(actor);
    return new Response(new Uint8Array(file), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader("项目台账导入模板.xlsx"), "cache-control": "no-store" },
    });
  } catch (e) {
    return errorText(e);
  }
});
