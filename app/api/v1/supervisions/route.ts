import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { listSupervisions } from "@/lib/server/supervision/list-supervisions";
import { supervisionFiltersSchema } from "@/lib/validation/supervision";

/** GET /api/v1/supervisions — the 督办 list's filters (park, status, overdue, addressed to me), paged. */
export const GET = withApi(
  async ({ actor, req }) => {
    const { items, total, page, pageSize, pageCount } = await listSupervisions(actor, parseQuery(req, supervisionFiltersSchema));
    return { items, total, page, pageSize, pageCount };
  },
  { permission: "issue.read" },
);

/** POST /api/v1/supervisions — issue a 督办函 on a red project or an overdue problem (lib/server checks the park and the target). */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await issueSupervision(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/supervisions/${created.id}` } });
  },
  { permission: "supervision.issue" },
);
