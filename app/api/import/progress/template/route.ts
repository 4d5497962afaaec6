import { getActor } from "@/lib/auth/session";
import { buildProgressTemplate } from "@/lib/server/excel/progress-template";
import { XLSX_TYPE, errorText } from "@/lib/server/excel/excel-response";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** GET: last month's figures sheet for the projects the user files for. */
export const GET = withRequestLog(async function GET() {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { fileName, bytes } = await buildProgressTemplate(actor);
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": XLSX_TYPE, "content-disposition": attachmentHeader(fileName), "cache-control": "no-store" },
    });
  } catch (e) {
    return errorText(e);
  }
});
