import { previewPlanImport } from "@/lib/server/excel/plans-import";
import { planPreviewIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file } ?park=&year=: what importing the plan sheet would do, every problem by
 * row and column; writes nothing. In the reader's language (problems, before → after plans).
 */
export const POST = xlsxUploadRoute(async ({ actor, upload, params, locale }) => planPreviewIn(await previewPlanImport(actor, params, upload.bytes), await locale()));
