import { buildOpenApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json — public: reading the description of the API needs no token. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
