import { PlanImportRejected, commitPlanImport } from "@/lib/server/excel/plans-import";
import { planPreviewIn, resultIn } from "@/lib/server/excel/import-language";
import { xlsxUploadRoute } from "@/lib/api/xlsx-upload-route";

export const dynamic = "force-dynamic";

/**
 * POST multipart { file } ?park=&year=: imports every row of the plan sheet in one transaction,
 * or nothing (422 with the problems). The summary and the problems in the reader's language.
 */
export const POST = xlsxUploadRoute(
  async ({ actor, upload, params, locale }) => {
    const language = await locale();
    return resultIn(planPreviewIn(await commitPlanImport(actor, params, upload.bytes, upload.fileName), language), language);
  },
  (err) => (err instanceof PlanImportRejected ? { errors: err.issues } : {}),
);
