import { Suspense } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { type Actor, can } from "@/lib/domain/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_ITEMS } from "./nav-items";
import { NavLink } from "./nav-link";
import { HeaderNav } from "./header-nav";
import { NavigationProgress } from "./navigation-progress";
import { RouteFocus } from "./route-focus";
import { BellLink, NotificationBell } from "./notification-bell";
import { FlashNotice } from "@/components/ui/flash";
import { LocaleSwitcher } from "./locale-switcher";

/** The id of <main>, the skip link's target. */
export const MAIN_ID = "main";

export function AppShell({ actor, unread, children }: { actor: Actor; unread: Promise<number>; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(actor, item.permission) && (!item.roles || item.roles.some((r) => actor.roles.includes(r))));
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const roleNames = actor.roles.map((r) => tc(`enum.role.${r}`)).join(t("roleSeparator"));
  const bar = (
    <>
      <Link href="/parks" className="shrink-0 whitespace-nowrap text-base font-semibold tracking-wide sm:text-lg">
        {t("appName")}
      </Link>
      <div className="ml-auto flex min-w-0 items-center gap-1 text-sm sm:gap-3">
        <span className="hidden md:inline">
          <LocaleSwitcher />
        </span>
        <Suspense fallback={<BellLink />}>
          <NotificationBell unread={unread} />
        </Suspense>
        <Link href="/account" data-testid="current-user" title={t("myAccountTitle")} className="inline-block max-w-[9rem] truncate whitespace-nowrap rounded px-1 align-middle hover:bg-white/10 md:max-w-none">
          {actor.name}
          {/* On a phone the roles are in the menu panel; the text stays for screen readers. */}
          <span className="ml-2 hidden text-slate-300 md:inline">{roleNames}</span>
          <span className="sr-only md:hidden">({roleNames})</span>
        </Link>
        <span className="hidden md:inline">
          <SignOutButton />
        </span>
      </div>
    </>
  );
  const account = (
    <>
      <span className="text-slate-300">{roleNames}</span>
      <LocaleSwitcher />
      <span className="ml-auto">
        <SignOutButton />
      </span>
    </>
  );
  return (
    <div className="min-h-screen">
      <a
        href={`#${MAIN_ID}`}
        className="no-print sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg focus:outline-2 focus:outline-brand-600"
      >
        {t("skipToMain")}
      </a>
      <Suspense>
        <NavigationProgress />
      </Suspense>
      <RouteFocus mainId={MAIN_ID} />
      <header className="no-print bg-brand-900 text-white">
        {/* An administrator sees every page, a liaison a handful: the link row wraps; on a phone it folds into 菜单. */}
        <HeaderNav bar={bar} account={account}>
          {items.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {t(`nav.${item.key}`)}
            </NavLink>
          ))}
        </HeaderNav>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-7xl px-3 py-5 focus:outline-none sm:px-4 sm:py-6">
        <FlashNotice />
        {children}
      </main>
    </div>
  );
}
