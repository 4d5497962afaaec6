import "server-only";
import { AppError } from "@/lib/server/errors";
import { withoutUnstorableChars } from "@/lib/validation/fields";
import { MAX_UPLOAD_BYTES } from "./xlsx-container";

/**
 * The file of a multipart upload (field "file") as bytes, with its name and the optional
 * "expected" field (the preview's versions token). Oversized bodies
 * are refused from their Content-Length before anything is read.
 */
export async function readUpload(req: Request): Promise<{ bytes: Uint8Array; fileName: string; expected?: string }> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw new AppError("VALIDATION", `文件过大（${(length / 1024 / 1024).toFixed(1)} MB），最大 10 MB；请拆分后分批导入`);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("VALIDATION", "请选择要上传的 Excel 文件");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("VALIDATION", "请选择要上传的 Excel 文件");
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），最大 10 MB；请拆分后分批导入`);
  // The preview's versions token ("id:version,…"), sent back with the commit.
  const expected = form.get("expected");
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: withoutUnstorableChars(file.name.slice(0, 200)) || "台账.xlsx",
    ...(typeof expected === "string" && expected.length <= 2_000_000 ? { expected } : {}),
  };
}
