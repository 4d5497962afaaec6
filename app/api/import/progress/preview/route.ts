import { previewProgressImport } from "@/lib/server/excel/progress-import";
import { progressPreviewIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file }: what importing the monthly figures would do, every problem by row and
 * column; keeps nothing. In the reader's language (problems, months, amounts).
 */
export const POST = xlsxUploadRoute(async ({ actor, upload, locale }) => progressPreviewIn(await previewProgressImport(actor, upload.bytes), await locale()));
