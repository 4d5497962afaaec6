import { publishedBulletinToJson } from "@/lib/api/bulletin-schemas";
import { pathId, withApi } from "@/lib/api/with-api";
import { getPublishedBulletin } from "@/lib/server/bulletin/published-bulletin";

/** GET /api/v1/bulletins/{id} — one published bulletin as frozen: content, figures and the projects behind them. */
export const GET = withApi(async ({ actor, params }) => publishedBulletinToJson(await getPublishedBulletin(actor, pathId(params.id, "通报"))), {
  permission: "dashboard.read",
});
