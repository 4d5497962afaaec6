// The security headers of every response and the cross-site write rule, in one place.
// proxy.ts (Next 16's middleware) applies them to every request: pages, route handlers,
// downloads, static files. Pure functions, so they are unit-tested without a server.
//
// Scripts: a fresh nonce per request plus 'strict-dynamic'. Next reads the nonce from the
// Content-Security-Policy header the proxy sets on the *request* and puts it on its own
// scripts, so pages render per request (the root layout awaits connection()). Nothing
// external is allowed anywhere: the app loads no CDN, font or analytics.
//
// Styles: stylesheets from 'self' (Tailwind's CSS files) and Next's own <style> elements
// with the nonce. Style *attributes* are allowed ('unsafe-inline' in style-src-attr only):
// React renders the `style` prop as an attribute on the server (the chart's height, the
// import progress bar), and echarts writes its tooltip as HTML with style attributes, and
// both break without it. An attribute can neither run script nor hold a selector, and
// img-src/font-src 'self' keep it from fetching anything outside the app.

export interface CspOptions {
  nonce: string;
  /** `next dev`: React's dev build needs eval, and dev style injection has no nonce. */
  dev?: boolean;
  /** Served over https: also upgrade any http sub-request. */
  https?: boolean;
}

/** A base64 nonce from 16 random bytes (Web Crypto: the proxy runs anywhere Next runs). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // With a nonce in the list browsers ignore 'unsafe-inline', so dev lists only the latter.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    // data: for echarts' "save as image", blob: for previews of files about to be uploaded.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["frame-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Browser features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** Every header of every response, the CSP included. */
export function securityHeaders(opts: CspOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // An internal tool: other sites learn nothing, not even that a link came from it.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/**
 * Whether the app is served over https: NEXTAUTH_URL says so, the same switch that makes
 * next-auth set its cookies Secure (and name them __Secure-…).
 */
export function servedOverHttps(appUrl: string | undefined): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface WriteRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

/**
 * A state-changing request a browser sent from another site's page: its Origin header names
 * a different host than the one it was sent to (X-Forwarded-Host behind a reverse proxy,
 * else Host: the comparison Next makes for server actions). Origin "null" (sandboxed frames,
 * some redirects) or unreadable counts as foreign. No Origin at all is not a browser's
 * cross-site write (browsers send it on every cross-origin POST) and passes, as in Next.
 * A bearer token on the REST API is not something a browser attaches by itself, so such
 * calls are not cross-site request forgery and pass too.
 */
export function isCrossSiteWrite(req: WriteRequest): boolean {
  if (!WRITE_METHODS.has(req.method.toUpperCase())) return false;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  if (req.pathname.startsWith("/api/v1/") && /^bearer\s/i.test(req.headers.get("authorization") ?? "")) return false;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() || req.headers.get("host");
  if (!host) return true;
  try {
    return new URL(origin).host !== host.toLowerCase();
  } catch {
    return true;
  }
}

export const CROSS_SITE_MESSAGE = "跨站请求被拒绝：请从本系统的页面操作；其他系统请使用接口令牌";
