import "server-only";
// Turning the Excel services into HTTP responses for the route handlers: a streamed
// download with a UTF-8 file name, and AppErrors as status + Chinese message.

import { PassThrough, Readable } from "node:stream";
import { toAppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
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

/** An error as JSON { message, ... } with its status (the upload endpoints the pages fetch). */
export function errorJson(e: unknown, extra?: (e: unknown) => Record<string, unknown>): Response {
  const err = toAppError(e, "excel");
  return err.toJsonResponse(err.code === "INTERNAL" ? undefined : extra?.(e));
}

/** An error as a plain-text page (for links the browser opens directly). */
export function errorText(e: unknown): Response {
  return toAppError(e, "excel").toTextResponse();
}

/** 422 naming each invalid filter. */
export function badFilters(errors: string[]): Response {
  return new Response(`筛选条件无效，未导出：${errors.join("；")}`, { status: 422, headers: { "content-type": "text/plain; charset=utf-8" } });
}

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
