import { publishedListToJson } from "@/lib/api/bulletin-schemas";
import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { listPublishedBulletins } from "@/lib/server/bulletin/published-bulletin";
import { publishBulletin } from "@/lib/server/bulletin/publish-bulletin";
import { publishedBulletinListSchema } from "@/lib/validation/published-bulletins";

/** GET /api/v1/bulletins — published bulletins (定稿通报) by scope and year, newest first, paged. */
export const GET = withApi(async ({ actor, req }) => publishedListToJson(await listPublishedBulletins(actor, parseQuery(req, publishedBulletinListSchema))), {
  permission: "dashboard.read",
});

/** POST /api/v1/bulletins — publish a month's bulletin, or a corrected version (leaders' sessions only). */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await publishBulletin(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/bulletins/${created.id}` } });
  },
  { permission: "bulletin.publish", sessionOnly: true },
);
