import { exportPlans } from "@/lib/server/excel/plans-export";
import { xlsxExportRoute } from "@/lib/api/xlsx-export-route";

export const dynamic = "force-dynamic";

/**
 * A park's annual plan sheet for a year (?park=&year=) as .xlsx, in the reader's language or
 * the one `lang` asks for (zh-CN or en): the file the plan import takes back. exportPlans
 * checks the park and year itself.
 */
export const GET = xlsxExportRoute((params) => ({ filters: params, errors: [] }), exportPlans);
