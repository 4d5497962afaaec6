import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";

// The one logger of the server processes (web server, job worker, scripts): pino writing one
// JSON object per line to stdout, synchronously, with no transport (transports run in worker
// threads; nothing here may reach the network). The service manager (systemd's journal) or
// the terminal keeps the lines. LOG_LEVEL: trace | debug | info (default) | warn | error |
// silent; tests are silent unless LOG_LEVEL is set.
//
// A request id is carried by AsyncLocalStorage: the REST API wrapper, the route handlers and
// the server-action client run their work inside `withRequestId`, so every line written
// while serving that request carries `reqId`, and the response answers it in X-Request-Id.

export type { Logger };

interface RequestContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.VITEST ? "silent" : "info";
}

/** A logger with this app's line format; `destination` defaults to stdout. */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? defaultLevel(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { reqId: ctx.requestId } : {};
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export const logger: Logger = createLogger();

export const REQUEST_ID_HEADER = "x-request-id";

/** What an id from outside (nginx's $request_id, another system) may look like; anything else is replaced. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's X-Request-Id when it is a plausible id, otherwise a new one. */
export function requestIdFrom(headers: Pick<Headers, "get"> | null | undefined): string {
  const given = headers?.get(REQUEST_ID_HEADER)?.trim();
  return given && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Runs `fn` with `requestId` on every log line written while it (and what it awaits) runs. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
