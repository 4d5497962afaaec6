import { ImportRejectedError, commitImport } from "@/lib/server/excel/commit-import";
import { resultIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file, expected? }: imports every row in one transaction, or nothing (422 with
 * the problems). The summary and the problems in the reader's language.
 */
export const POST = xlsxUploadRoute(
  async ({ actor, upload, locale }) => resultIn(await commitImport(actor, upload.bytes, upload.fileName, upload.expected), await locale()),
  (err) => (err instanceof ImportRejectedError ? { errors: err.issues } : {}),
);
