import "server-only";
// Turning the Excel services into HTTP responses for the route handlers: a streamed
// download with a UTF-8 file name, and AppErrors as status + message in the reader's language
// (the server's Chinese, put into English for an English reader where its shape is known:
// docs/i18n.md, "Server messages"; Chinese for everyone else, API clients that ask for no
// language included).

import { PassThrough, Readable } from "node:stream";
import { toAppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { translateMessage } from "@/lib/i18n/server-messages";
import { issuesIn } from "./import-language";
import { attachmentHeader } from "./stream-workbook";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Streams a prepared export. The answer waits for the file's first bytes (by then the first
 * rows have been read), so a failure before them is an error page with its status and
 * Chinese message rather than a 200 that breaks off. A failure after them destroys the
 * stream: Next then cuts the connection without the chunked body's end, so the browser
 * marks the download failed and no short file that looks complete is left behind.
 */
export async function streamedXlsx(job: { fileName: string; write: (out: PassThrough) => Promise<number> }): Promise<Response> {
  const out = new PassThrough();
  // The failure is reported through `failure` below (and to the reader, if any, by destroy).
  out.on("error", () => {});
  const failure = job.write(out).then(
    () => null,
    (e: unknown) => {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
      return { e };
    },
  );
  let onReadable = () => {};
  const started = new Promise<null>((resolve) => out.once("readable", (onReadable = () => resolve(null))));
  const early = await Promise.race([started, failure]);
  out.off("readable", onReadable);
  if (early) return errorText(early.e);
  void failure.then((late) => late && logger.error({ err: late.e, fileName: job.fileName }, "export failed while streaming"));
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": attachmentHeader(job.fileName),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * An error as JSON { message, ... } with its status (the upload endpoints the pages fetch), in
 * the reader's language: the message, and each row problem's message when `extra` lists them
 * (`errors: [{ row, column, message }]`; the column is the file's own header, kept as written).
 */
export async function errorJson(e: unknown, extra?: (e: unknown) => Record<string, unknown>, where = "excel"): Promise<Response> {
  const err = toAppError(e, where);
  const locale = await getRequestLocale();
  const more = err.code === "INTERNAL" ? undefined : extra?.(e);
  if (more && Array.isArray(more.errors)) more.errors = issuesIn(more.errors as { message: string }[], locale);
  return Response.json({ message: translateMessage(err.message, locale), ...more }, { status: err.status });
}

/**
 * An error as a plain-text page (for links the browser opens directly: downloads, attachments),
 * in the reader's language. `where` names the door an unexpected error came through (logged).
 */
export async function errorText(e: unknown, where = "excel"): Promise<Response> {
  const err = toAppError(e, where);
  return textResponse(translateMessage(err.message, await getRequestLocale()), err.status);
}

/** 422 naming each invalid filter, in the reader's language. */
export async function badFilters(errors: string[]): Promise<Response> {
  return textResponse(translateMessage(`筛选条件无效，未导出：${errors.join("；")}`, await getRequestLocale()), 422);
}

/** The answer to a request without a session: JSON `{ message }` for the upload endpoints, text for downloads. */
export async function signInFirst(kind: "json" | "text"): Promise<Response> {
  const message = translateMessage("请先登录", await getRequestLocale());
  return kind === "json" ? Response.json({ message }, { status: 401 }) : textResponse(message, 401);
}

const textResponse = (text: string, status: number) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** First value of each search parameter, as pages receive them. */
export function searchParamsRecord(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** The rule of an export's `?lang=` (docs/excel.md). */
export const LANG_RULE = "导出语言 lang 须为 zh-CN 或 en";

/** An export's `?lang=`: the refusal when it is neither zh-CN nor en, and the language to write in (the reader's when absent). */
export function exportLang(lang: string | undefined): { problem: string | null; locale: () => Promise<Locale> } {
  return { problem: lang !== undefined && !isLocale(lang) ? LANG_RULE : null, locale: async () => (isLocale(lang) ? lang : getRequestLocale()) };
}
