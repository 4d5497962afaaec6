"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`whitespace-nowrap rounded px-3 py-2 text-sm md:py-1.5 ${active ? "bg-white/15 font-medium" : "text-slate-200 hover:bg-white/10"}`}
    >
      {children}
    </Link>
  );
}
