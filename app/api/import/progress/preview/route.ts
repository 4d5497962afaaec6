import { getActor } from "@/lib/auth/session";
import { previewProgressImport } from "@/lib/server/excel/progress-import";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** POST multipart { file }: what importing the monthly figures would do, every problem by row and column; keeps nothing. */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "请先登录" }, { status: 401 });
  try {
    const { bytes } = await readUpload(req);
    return Response.json(await previewProgressImport(actor, bytes));
  } catch (e) {
    return errorJson(e);
  }
});
