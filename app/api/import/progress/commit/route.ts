import { ProgressImportRejectedError, commitProgressImport } from "@/lib/server/excel/progress-import";
import { resultIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file, expected? }: files and corrects every month in one transaction, or
 * nothing (422 with the problems). The summary and the problems in the reader's language.
 */
export const POST = xlsxUploadRoute(
  async ({ actor, upload, locale }) => resultIn(await commitProgressImport(actor, upload.bytes, upload.fileName, upload.expected), await locale()),
  (err) => (err instanceof ProgressImportRejectedError ? { errors: err.issues } : {}),
);
