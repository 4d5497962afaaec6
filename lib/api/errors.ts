// The one error shape of the REST API:
//   { "error": { "code": "VALIDATION", "message": { "zh": "...", "en": "..." },   (en: the zh in English where known, else the code's)
//                "fields": [{ "path": "landed.date", "message": "落地日期不能晚于今天", "en": "The landing date cannot be later than today" }] } }
// Field messages are the Chinese ones the forms show, `en` the same in English where known (else
// the Chinese); `path` is the input's own key path.

import { HTTP_STATUS, toAppError } from "@/lib/server/errors";
import { englishOf } from "@/lib/i18n/server-messages";
import { type ApiErrorCode, errorBody } from "./error-body";

export { API_ERROR_EN, type ApiErrorBody, type ApiErrorCode, type ApiFieldError, errorBody } from "./error-body";

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = HTTP_STATUS;

export function errorResponse(code: ApiErrorCode, zh: string, fields?: Record<string, string[]>, headers?: HeadersInit): Response {
  const body = errorBody(code, zh, fields);
  // The specific message in English where the server's Chinese is a known shape (docs/i18n.md), else the code's English.
  body.error.message.en = englishOf(zh) ?? body.error.message.en;
  // Each field's message too (the Chinese `message` stays as it is: clients depend on it).
  for (const f of body.error.fields) f.en = englishOf(f.message) ?? f.message;
  return Response.json(body, { status: API_ERROR_STATUS[code], headers });
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
