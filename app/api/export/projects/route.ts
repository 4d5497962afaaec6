import { getActor } from "@/lib/auth/session";
import { parseProjectFilters } from "@/lib/validation/project-filters";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { errorText, searchParamsRecord, streamedXlsx } from "@/lib/server/excel/excel-response";

export const dynamic = "force-dynamic";

/** The /projects list for the same URL filters, as .xlsx (every page, not just the one shown). */
export async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return new Response("请先登录", { status: 401 });
  try {
    const { filters } = parseProjectFilters(searchParamsRecord(req.url));
    return streamedXlsx(await exportProjects(actor, filters));
  } catch (e) {
    return errorText(e);
  }
}
