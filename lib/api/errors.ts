// The one error shape of the REST API:
//   { "error": { "code": "VALIDATION", "message": { "zh": "...", "en": "..." },
//                "fields": [{ "path": "landed.date", "message": "落地日期不能晚于今天" }] } }
// Field messages are the Chinese ones the forms show; `path` is the input's own key path.

import { ZodError } from "zod";
import { AppError, type AppErrorCode, HTTP_STATUS } from "@/lib/server/errors";
import { fieldErrors } from "@/lib/validation/project";

export type ApiErrorCode = AppErrorCode | "BAD_REQUEST" | "INTERNAL";

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = { ...HTTP_STATUS, BAD_REQUEST: 400, INTERNAL: 500 };

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

const INTERNAL_ZH = "服务器处理出错，请稍后重试；如果问题持续，请联系系统管理员";

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

/** Thrown by the transport layer itself (bad JSON, bad path id), answered like an AppError. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * Any thrown value as the API's error response. What a caller can cause keeps its code and
 * Chinese message; anything else is logged with its stack and answered with a generic 500.
 */
export function toErrorResponse(e: unknown, where: string): Response {
  if (e instanceof ApiError) return errorResponse(e.code, e.message, e.fields);
  if (e instanceof AppError) return errorResponse(e.code, e.message, e.fieldErrors);
  if (e instanceof ZodError) return errorResponse("VALIDATION", "请检查标红的字段", fieldErrors(e));
  console.error(`[api] ${where} unexpected error`, e);
  return errorResponse("INTERNAL", INTERNAL_ZH);
}
