import { parseProjectFilters } from "@/lib/validation/project-filters";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { xlsxExportRoute } from "@/lib/api/xlsx-export-route";

export const dynamic = "force-dynamic";

/**
 * The /projects list for the same URL filters, as .xlsx (every page, not just the one shown),
 * in the reader's language, or the one `lang` asks for (zh-CN or en: headers, choices, title).
 */
export const GET = xlsxExportRoute(parseProjectFilters, exportProjects);
