import { toErrorResponse } from "@/lib/api/errors";
import { parseOrThrow } from "@/lib/server/errors";
import { authenticateGateway, listPendingOutbound } from "@/lib/server/notifications/outbound";
import { outboundLimitSchema } from "@/lib/validation/outbound";

export const dynamic = "force-dynamic";

/**
 * GET /api/outbox?limit=100 — the operator's SMS / 政务微信 gateway polls the pending outbound
 * messages (oldest first), with `Authorization: Bearer <OUTBOX_GATEWAY_TOKEN>`. docs/deployment.md.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    authenticateGateway(req.headers.get("authorization"));
    const limit = parseOrThrow(outboundLimitSchema, new URL(req.url).searchParams.get("limit") ?? undefined);
    return Response.json({ items: await listPendingOutbound(limit) }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return toErrorResponse(e, "GET /api/outbox");
  }
}
