// The one error shape of the REST API:
//   { "error": { "code": "VALIDATION", "message": { "zh": "...", "en": "..." },
//                "fields": [{ "path": "landed.date", "message": "落地日期不能晚于今天" }] } }
// Field messages are the Chinese ones the forms show; `path` is the input's own key path.

import { type AppErrorCode, HTTP_STATUS, toAppError } from "@/lib/server/errors";

export type ApiErrorCode = AppErrorCode;

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = HTTP_STATUS;

/** English for each code; the Chinese message is the specific one from the server. */
export const API_ERROR_EN: Record<ApiErrorCode, string> = {
  BAD_REQUEST: "The request body is not valid JSON.",
  UNAUTHENTICATED: "Missing, unknown, revoked or expired API token (or no signed-in session).",
  FORBIDDEN: "The token or user may not do this.",
  NOT_FOUND: "Not found, or outside the parks this token or user may read.",
  CONFLICT: "Someone changed this record since you read it (version mismatch) or it duplicates another one.",
  VALIDATION: "Some fields are invalid; see `fields`.",
  RATE_LIMITED: "Too many requests for this token; retry after the number of seconds in Retry-After.",
  INTERNAL: "Internal server error.",
};

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: { zh: string; en: string }; fields: { path: string; message: string }[] };
}

export function errorBody(code: ApiErrorCode, zh: string, fields: Record<string, string[]> = {}): ApiErrorBody {
  const list = Object.entries(fields).flatMap(([path, messages]) => messages.map((message) => ({ path: path === "_form" ? "" : path, message })));
  return { error: { code, message: { zh, en: API_ERROR_EN[code] }, fields: list } };
}

export function errorResponse(code: ApiErrorCode, zh: string, fields?: Record<string, string[]>, headers?: HeadersInit): Response {
  return Response.json(errorBody(code, zh, fields), { status: API_ERROR_STATUS[code], headers });
}

/**
 * Any thrown value as the API's error response: the one place the API maps errors. What a
 * caller can cause keeps its code and Chinese message; anything else is logged with its
 * stack and answered with a generic 500.
 */
export function toErrorResponse(e: unknown, where: string): Response {
  const err = toAppError(e, `api ${where}`);
  return errorResponse(err.code, err.message, err.fieldErrors);
}
