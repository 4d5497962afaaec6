import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { reviewSupervision } from "@/lib/server/supervision/review-supervision";

/** POST /api/v1/supervisions/{id}/review — 销号 (accept) or 退回 (return, with a reason) of a reply; lib/server checks the issuer or the park's leaders. */
export const POST = withApi(
  async ({ actor, params, req }) => {
    const supervisionId = pathId(params.id, "督办事项");
    return reviewSupervision(actor, { ...(await readJsonObject(req)), supervisionId });
  },
  { permission: "supervision.issue" },
);
