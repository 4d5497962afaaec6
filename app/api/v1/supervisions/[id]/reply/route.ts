import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { replySupervision } from "@/lib/server/supervision/reply-supervision";

/**
 * POST /api/v1/supervisions/{id}/reply — the recipient's reply (整改情况) with the version read;
 * lib/server accepts only the letter's recipient. Evidence files are the page's (multipart), not the API's.
 */
export const POST = withApi(
  async ({ actor, params, req }) => {
    const supervisionId = pathId(params.id, "督办事项");
    return replySupervision(actor, { ...(await readJsonObject(req)), supervisionId });
  },
  { permission: "issue.write" },
);
