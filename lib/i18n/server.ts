import "server-only";
import { createTranslator } from "use-intl/core";
import { MESSAGES, type Namespace } from "./messages";
import { getRequestLocale } from "./request-locale";

/**
 * A translator for server code (async Server Components, route handlers, metadata) in the
 * request's language. Works outside Next's server runtime too (tests render pages with
 * renderToString), where next-intl/server's getTranslations does not.
 */
export async function getT<N extends Namespace>(namespace: N) {
  const locale = await getRequestLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

export { getRequestLocale };
