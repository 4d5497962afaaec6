import { buildOpenApiDocument } from "@/lib/api/openapi";
import { errorResponse } from "@/lib/api/errors";
import { LANG_RULE } from "@/lib/server/excel/excel-response";
import { isLocale } from "@/lib/i18n/locales";

// Built per request (cheap), so the examples' dates are today's, not the build's.
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/openapi.json — public: reading the description of the API needs no token.
 * Chinese by default, English with `?lang=en` (the exports' rule: `lang` is zh-CN or en,
 * anything else is refused with 422 naming it). Not the reader's language: the URL alone
 * says which document it is, so caches and scripts get the same one.
 */
export function GET(request: Request) {
  const lang = new URL(request.url).searchParams.get("lang") ?? undefined;
  if (lang !== undefined && !isLocale(lang)) return errorResponse("VALIDATION", LANG_RULE, { lang: [LANG_RULE] });
  return Response.json(buildOpenApiDocument(lang ?? "zh-CN"), { headers: { "Cache-Control": "public, max-age=300" } });
}
