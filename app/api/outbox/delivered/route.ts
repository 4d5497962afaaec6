import { errorResponse, toErrorResponse } from "@/lib/api/errors";
import { parseOrThrow } from "@/lib/server/errors";
import { authenticateGateway, markOutbound } from "@/lib/server/notifications/outbound";
import { outboundReportSchema } from "@/lib/validation/outbound";

export const dynamic = "force-dynamic";

/**
 * POST /api/outbox/delivered — the gateway reports `{ "delivered": [ids], "failed": [{ "id", "error" }] }`,
 * with the same bearer token as GET /api/outbox.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    authenticateGateway(req.headers.get("authorization"));
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      return errorResponse("BAD_REQUEST", "请求体不是有效的 JSON");
    }
    return Response.json(await markOutbound(parseOrThrow(outboundReportSchema, body)));
  } catch (e) {
    return toErrorResponse(e, "POST /api/outbox/delivered");
  }
}
