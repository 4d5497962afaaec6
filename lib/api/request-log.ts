// One JSON log line per API request, and a request id on every line written while serving it:
// the caller's X-Request-Id when it sent a plausible one (nginx's $request_id, another system),
// else a new UUID; the response answers it in X-Request-Id. Every /api/v1 route goes through it
// (withApi), and so do the download, upload and search routes the pages call.

import { REQUEST_ID_HEADER, logger, requestIdFrom, withRequestId } from "@/lib/server/logger";

type Handler<A extends unknown[]> = (req: Request, ...rest: A) => Promise<Response> | Response;

export function withRequestLog<A extends unknown[]>(handler: Handler<A>): (req: Request, ...rest: A) => Promise<Response> {
  return (req, ...rest) => {
    const requestId = requestIdFrom(req.headers);
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const path = new URL(req.url).pathname;
      let res: Response;
      try {
        res = await handler(req, ...rest);
      } catch (err) {
        // The handlers map errors themselves; whatever escapes them is Next's 500.
        logger.error({ err, method: req.method, path }, "api request failed");
        throw err;
      }
      try {
        res.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // A response with immutable headers (a redirect) keeps its own.
      }
      logger.info({ method: req.method, path, status: res.status, ms: Math.round(performance.now() - started) }, "api request");
      return res;
    });
  };
}
