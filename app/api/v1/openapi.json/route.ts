import { buildOpenApiDocument } from "@/lib/api/openapi";

// Built per request (cheap), so the examples' dates are today's, not the build's.
export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — public: reading the description of the API needs no token. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
