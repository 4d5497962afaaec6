import { getActor } from "@/lib/auth/session";
import { getAttachment } from "@/lib/server/attachments/get-attachment";
import { notFound } from "@/lib/server/errors";
import { errorText, signInFirst } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

/** An attachment's file, inline; a refusal as text in the reader's language. */
export const GET = withRequestLog(async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return signInFirst("text");
  if (!/^\d{1,9}$/.test(id)) return errorText(notFound("附件"), "attachment");
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
    return errorText(e, "attachment");
  }
});
