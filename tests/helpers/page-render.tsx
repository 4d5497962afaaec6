// Rendering App Router pages in integration tests (renderToString) as a signed-in person in
// a language: the session, Next's navigation and headers, and the request's language are
// mocked from `pageSession` below. In a test file:
//
//   vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
//   vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
//   vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
//
// then set `pageSession.actor` (and `pageSession.locale`) and call renderPage.
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { withIntl } from "./intl";

/** Who the rendered pages see as signed in, in which language, at which path. */
export const pageSession: { actor: Actor; locale: Locale; pathname: string } = { actor: undefined as unknown as Actor, locale: "zh-CN", pathname: "/" };

export const sessionMock = () => ({
  requireActor: async () => pageSession.actor,
  getActor: async () => pageSession.actor,
  getSessionActor: async () => pageSession.actor,
});

export const requestLocaleMock = () => ({ getRequestLocale: async () => pageSession.locale });

export const headersMock = () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) });

export const navigationMock = () => ({
  useRouter: () => ({ refresh() {}, push() {} }),
  usePathname: () => pageSession.pathname,
  useSearchParams: () => new URLSearchParams(),
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
  redirect: () => {
    throw new Error("REDIRECT");
  },
});

export type PageModule = Promise<{ default: (p: never) => Promise<ReactElement> }>;

/** An element as the text a reader gets (React separates adjacent text nodes with <!-- -->). */
export function html(node: ReactElement, locale: Locale = pageSession.locale): string {
  return renderToString(withIntl(node, locale)).replaceAll("<!-- -->", "");
}

/** A page module rendered in `locale` (default: pageSession.locale) with these search params and path params (each page gets both). */
export async function renderPage(mod: PageModule, locale: Locale = pageSession.locale, sp: Record<string, string> = {}, params: Record<string, string> = {}): Promise<string> {
  pageSession.locale = locale;
  const Page = (await mod).default as (p: { searchParams: Promise<Record<string, string>>; params: Promise<Record<string, string>> }) => Promise<ReactElement>;
  return html(await Page({ searchParams: Promise.resolve(sp), params: Promise.resolve(params) }), locale);
}
