import { getActor } from "@/lib/auth/session";
import { ProgressImportRejectedError, commitProgressImport } from "@/lib/server/excel/progress-import";
import { readUpload } from "@/lib/server/excel/read-upload";
import { errorJson } from "@/lib/server/excel/excel-response";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/** POST multipart { file, expected? }: files and corrects every month in one transaction, or nothing (422 with the problems). */
export const POST = withRequestLog(async function POST(req: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "请先登录" }, { status: 401 });
  try {
    const { bytes, fileName, expected } = await readUpload(req);
    return Response.json(await commitProgressImport(actor, bytes, fileName, expected));
  } catch (e) {
    return errorJson(e, (err) => (err instanceof ProgressImportRejectedError ? { errors: err.issues } : {}));
  }
});
