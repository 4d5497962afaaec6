import { exportPoints } from "@/lib/server/points/export-points";
import { xlsxExportRoute } from "@/lib/api/xlsx-export-route";

export const dynamic = "force-dynamic";

/**
 * The points leaderboard or its events for the same URL filters, as .xlsx, in the reader's
 * language or the one `lang` asks for (zh-CN or en); exportPoints checks the filters itself.
 */
export const GET = xlsxExportRoute((params) => ({ filters: params, errors: [] }), (actor, params, locale) => exportPoints(actor, params, undefined, locale));
