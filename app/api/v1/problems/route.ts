import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { createIssue } from "@/lib/server/issues/create-issue";
import { listIssues } from "@/lib/server/issues/list-issues";
import { issueFiltersSchema } from "@/lib/validation/issues";

/** GET /api/v1/problems — the problems list's filters, paged. */
export const GET = withApi(async ({ actor, req }) => listIssues(actor, parseQuery(req, issueFiltersSchema)), { permission: "issue.read" });

/** POST /api/v1/problems — log an enterprise problem (deadlines from the working-day calendar). */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await createIssue(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/problems/${created.id}` } });
  },
  { permission: "issue.write" },
);
