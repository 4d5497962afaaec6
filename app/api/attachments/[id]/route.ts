import { getActor } from "@/lib/auth/session";
import { getAttachment } from "@/lib/server/attachments/get-attachment";
import { toAppError } from "@/lib/server/errors";
import { withRequestLog } from "@/lib/api/request-log";

export const GET = withRequestLog(async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  if (!/^\d{1,9}$/.test(id)) return new Response("附件不存在或无权查看", { status: 404 });
  try {
    const file = await getAttachment(actor, Number(id));
    return new Response(Buffer.from(file.content), {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.size),
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=300",
      },
    });
  } catch (e) {
    return toAppError(e, "attachment").toTextResponse();
  }
});
