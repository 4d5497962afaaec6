// The REST API's error body, apart from the error class so proxy.ts can answer with it
// without loading lib/server (see errors.ts for the shape and the mapping of thrown errors).

import type { AppErrorCode } from "@/lib/server/errors";

export type ApiErrorCode = AppErrorCode;

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

/** One field's problem: `message` the Chinese the forms show, `en` its English where known, else the same Chinese. */
export interface ApiFieldError {
  path: string;
  message: string;
  en: string;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: { zh: string; en: string }; fields: ApiFieldError[] };
}

/** The body with the Chinese everywhere English is not known; lib/api/errors.ts puts in the English (this file stays light for proxy.ts). */
export function errorBody(code: ApiErrorCode, zh: string, fields: Record<string, string[]> = {}): ApiErrorBody {
  const list = Object.entries(fields).flatMap(([path, messages]) => messages.map((message) => ({ path: path === "_form" ? "" : path, message, en: message })));
  return { error: { code, message: { zh, en: API_ERROR_EN[code] }, fields: list } };
}
