import { Suspense } from "react";
import Link from "next/link";
import { type Actor, can, ROLE_LABELS } from "@/lib/domain/permissions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NAV_ITEMS } from "./nav-items";
import { NavLink } from "./nav-link";
import { BellLink, NotificationBell } from "./notification-bell";

export function AppShell({ actor, unread, children }: { actor: Actor; unread: Promise<number>; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => can(actor, item.permission) && (!item.roles || item.roles.some((r) => actor.roles.includes(r))));
  const roleNames = actor.roles.map((r) => ROLE_LABELS[r]).join("、");
  return (
    <div className="min-h-screen">
      <header className="no-print bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 pt-3">
          <Link href="/parks" className="text-lg font-semibold tracking-wide">
            园区项目推进系统
          </Link>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Suspense fallback={<BellLink />}>
              <NotificationBell unread={unread} />
            </Suspense>
            <Link href="/account" data-testid="current-user" title="我的账号：修改密码" className="rounded px-1 hover:bg-white/10">
              {actor.name}
              <span className="ml-2 text-slate-300">{roleNames}</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        {/* Its own row that wraps: an administrator sees every page, a liaison a handful. */}
        <nav aria-label="主导航" className="mx-auto flex max-w-7xl flex-wrap gap-1 px-3 py-2">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
