import { parseProgressExportFilters } from "@/lib/validation/excel-export";
import { exportProgress } from "@/lib/server/excel/export-progress";
import { xlsxExportRoute } from "@/lib/api/xlsx-export-route";

export const dynamic = "force-dynamic";

/** Monthly progress filings (?park=, ?project=, ?year=) as .xlsx, in the reader's language or the one `lang` asks for (zh-CN or en). */
export const GET = xlsxExportRoute(parseProgressExportFilters, exportProgress);
