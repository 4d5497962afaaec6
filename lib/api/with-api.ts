// The wrapper every /api/v1 route handler goes through: who is calling (a bearer API token,
// or the app's own session cookie), the endpoint's declared permission, the per-token rate
// limit, one error shape for everything that goes wrong, and a log line with a request id
// (withRequestLog). Handlers stay thin: parse
// input with the shared zod schemas, call lib/server, return JSON.

import type { z } from "zod";
import { bearerToken } from "@/lib/domain/api-tokens";
import { type Actor, type Permission, can } from "@/lib/domain/permissions";
import { authenticateApiToken } from "@/lib/server/api-tokens/authenticate-api-token";
import { AppError } from "@/lib/server/errors";
import { fieldErrors } from "@/lib/validation/field-errors";
import { errorResponse, toErrorResponse } from "./errors";
import { takeApiRate } from "@/lib/server/rate-limit/take-api-rate";
import { API_RATE_LIMIT_PER_MINUTE, API_RATE_WINDOW_MS } from "./rate-limit";
import { withRequestLog } from "./request-log";

export interface ApiContext {
  actor: Actor;
  req: Request;
  params: Record<string, string>;
  /** Set when the caller used an API token. */
  tokenId: number | null;
}

type Handler = (ctx: ApiContext) => Promise<Response | unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]> | undefined> };

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function hasSessionCookie(req: Request): boolean {
  const cookie = req.headers.get("cookie") ?? "";
  return SESSION_COOKIES.some((name) => cookie.split(/;\s*/).some((c) => c.startsWith(`${name}=`) || c.startsWith(`${name}.0=`)));
}

// A cookie-authenticated write must come from the app's own pages (defence in depth on top
// of next-auth's SameSite=Lax cookie): a browser always sends Origin on such requests.
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function sessionActor(allowPasswordChange: boolean): Promise<Actor | null> {
  // Loaded lazily: next-auth's session reading needs Next's request scope, which only exists in the server.
  const { getActor, getSessionActor } = await import("@/lib/auth/session");
  return allowPasswordChange ? getSessionActor() : getActor();
}

type Who = { actor: Actor; tokenId: number | null; rateKey: string } | Response;

async function identify(req: Request, allowPasswordChange: boolean): Promise<Who> {
  const bearer = bearerToken(req.headers.get("authorization"));
  if (bearer !== undefined) {
    const result = bearer ? await authenticateApiToken(bearer) : ({ ok: false, reason: "malformed" } as const);
    if (!result.ok) {
      const zh =
        result.reason === "revoked" ? "接口令牌已被吊销" : result.reason === "expired" ? "接口令牌已过期" : result.reason === "creator-disabled" ? "创建该令牌的管理员账号已停用或不再是管理员，令牌失效" : "接口令牌无效";
      return errorResponse("UNAUTHENTICATED", zh, undefined, { "WWW-Authenticate": 'Bearer realm="api"' });
    }
    return { actor: result.actor, tokenId: result.tokenId, rateKey: `token:${result.tokenId}` };
  }
  if (hasSessionCookie(req)) {
    const actor = await sessionActor(allowPasswordChange);
    if (actor) {
      if (WRITE_METHODS.has(req.method) && !sameOrigin(req)) return errorResponse("FORBIDDEN", "跨站请求被拒绝：请使用接口令牌");
      return { actor, tokenId: null, rateKey: `user:${actor.userId}` };
    }
  }
  return errorResponse("UNAUTHENTICATED", "请提供接口令牌（Authorization: Bearer …）或先登录", undefined, { "WWW-Authenticate": 'Bearer realm="api"' });
}

/**
 * Wraps a route handler. `permission` is checked in any park first (a READ token writing
 * gets 403 before anything is read); lib/server then checks it in the record's own park
 * (records of other parks are 404). A list of permissions is any of them: an endpoint whose
 * operations need different ones (a stage move project.write, a status change
 * project.correct) declares them all and lib/server checks the one the operation needs.
 * A handler returns a Response or a value sent as JSON.
 */
export function withApi(
  handler: Handler,
  opts: {
    permission: Permission | readonly Permission[];
    status?: number;
    /** Accounts and organisation: a signed-in person only, never an API token. */
    sessionOnly?: boolean;
    /** The one endpoint someone on a temporary password may call: changing it (any signed-in person, whatever their roles). */
    allowPasswordChange?: boolean;
  },
) {
  return withRequestLog(async (req: Request, route?: RouteContext): Promise<Response> => {
    const where = `${req.method} ${new URL(req.url).pathname}`;
    try {
      const who = await identify(req, opts.allowPasswordChange ?? false);
      if (who instanceof Response) return who;
      if (opts.sessionOnly && who.tokenId !== null) return errorResponse("FORBIDDEN", "此接口只接受登录会话（管理员或园区领导），不接受接口令牌");
      const rate = await takeApiRate(who.rateKey, { limit: API_RATE_LIMIT_PER_MINUTE, windowMs: API_RATE_WINDOW_MS });
      const rateHeaders = { "X-RateLimit-Limit": String(rate.limit), "X-RateLimit-Remaining": String(rate.remaining) };
      if (!rate.ok) {
        return errorResponse("RATE_LIMITED", `请求过于频繁：每个令牌每分钟最多 ${rate.limit} 次，请 ${rate.retryAfter} 秒后重试`, undefined, {
          ...rateHeaders,
          "Retry-After": String(rate.retryAfter),
        });
      }
      const needed: readonly Permission[] = typeof opts.permission === "string" ? [opts.permission] : opts.permission;
      if (!opts.allowPasswordChange && !needed.some((p) => can(who.actor, p))) return errorResponse("FORBIDDEN", who.tokenId ? "该令牌没有此操作的权限（只读令牌不能写入）" : "您没有权限执行此操作");
      // Next passes a params promise that resolves to undefined on routes without dynamic segments.
      const raw = (route ? await route.params : undefined) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await handler({ actor: who.actor, req, params, tokenId: who.tokenId });
      const res = result instanceof Response ? result : Response.json(result, { status: opts.status ?? 200 });
      for (const [k, v] of Object.entries(rateHeaders)) res.headers.set(k, v);
      return res;
    } catch (e) {
      return toErrorResponse(e, where);
    }
  });
}

/** The request body as JSON; malformed or missing JSON is a 400, not a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "请求体为空：请发送 JSON");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "请求体不是有效的 JSON");
  }
}

/** A JSON object body (arrays and scalars are refused with a 422 on the whole body). */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const body = await readJson(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("VALIDATION", "请求体须为 JSON 对象", { _form: ["请求体须为 JSON 对象"] });
  return body as Record<string, unknown>;
}

/** A path id such as /projects/{id}; anything but a positive integer is simply not found. */
export function pathId(value: string | undefined, what: string): number {
  if (!value || !/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647 || Number(value) < 1) throw new AppError("NOT_FOUND", `${what}不存在或无权查看`);
  return Number(value);
}

/** Query parameters parsed strictly with `schema`: a bad value is a 422 naming the parameter. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const input: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) if (v !== "" && !(k in input)) input[k] = v;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "查询参数有误", fieldErrors(parsed.error));
  return parsed.data;
}
