import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";

/** POST /api/v1/problems/{id}/actions — one lifecycle step (assign, start, answer, close, …) with the version read. */
export const POST = withApi(
  async ({ actor, params, req }) => {
    const issueId = pathId(params.id, "问题");
    return actOnIssue(actor, { ...(await readJsonObject(req)), issueId });
  },
  { permission: "issue.write" },
);
