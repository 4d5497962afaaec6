import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { receiveIssue } from "@/lib/server/first-contact/receive-issue";
import { listFirstContact } from "@/lib/server/first-contact/list-first-contact";
import { firstContactFiltersSchema } from "@/lib/validation/first-contact";

/** GET /api/v1/first-contact — problems received directly (首问), by park, 来源, hand-off state, mine; paged. */
export const GET = withApi(async ({ actor, req }) => listFirstContact(actor, parseQuery(req, firstContactFiltersSchema)), { permission: "issue.read" });

/** POST /api/v1/first-contact — receive a problem by phone, at the window, by letter or online; the caller is its 首问责任人. */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await receiveIssue(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/problems/${created.id}` } });
  },
  { permission: "issue.write" },
);
