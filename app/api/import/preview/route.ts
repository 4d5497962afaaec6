import { previewImport } from "@/lib/server/excel/preview-import";
import { ledgerPreviewIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file }: what importing it would do, every problem by row and column; writes
 * nothing. In the reader's language (problems, before → after values); Chinese for the rest.
 */
export const POST = xlsxUploadRoute(async ({ actor, upload, locale }) => ledgerPreviewIn(await previewImport(actor, upload.bytes), await locale()));
