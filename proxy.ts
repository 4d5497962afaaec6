// Next 16's proxy (the former middleware) runs before every request, static files
// included (no matcher): it refuses cross-site writes and puts the security headers of
// lib/http/security-headers.ts on every response. It does no access control: pages, route
// handlers, server actions and lib/server check who may do what themselves.

import { NextResponse, type NextRequest } from "next/server";
import { errorBody } from "@/lib/api/error-body";
import { CROSS_SITE_MESSAGE, contentSecurityPolicy, isCrossSiteWrite, newNonce, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(req: NextRequest): NextResponse {
  const opts = { nonce: newNonce(), dev: process.env.NODE_ENV === "development", https: servedOverHttps(process.env.NEXTAUTH_URL) };
  const res = isCrossSiteWrite({ method: req.method, pathname: req.nextUrl.pathname, headers: req.headers }) ? refuseCrossSite(req) : pass(req, opts);
  for (const [name, value] of Object.entries(securityHeaders(opts))) res.headers.set(name, value);
  return res;
}

// Next reads the nonce from the request's CSP header and puts it on its own scripts.
function pass(req: NextRequest, opts: Parameters<typeof contentSecurityPolicy>[0]): NextResponse {
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", contentSecurityPolicy(opts));
  headers.set("x-nonce", opts.nonce);
  return NextResponse.next({ request: { headers } });
}

/**
 * 403 before Next handles the request: a server action from another origin would otherwise
 * reach Next's own origin check, which throws (a 500). The REST API answers in its error
 * shape (lib/api/errors.ts); anything else (a server action) in the action result's
 * failure shape (lib/actions/result.ts).
 */
function refuseCrossSite(req: NextRequest): NextResponse {
  const body = req.nextUrl.pathname.startsWith("/api/") ? errorBody("FORBIDDEN", CROSS_SITE_MESSAGE) : { ok: false, code: "FORBIDDEN", message: CROSS_SITE_MESSAGE };
  return NextResponse.json(body, { status: 403, headers: { "cache-control": "no-store" } });
}
