import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listUsers } from "@/lib/server/users/list-users";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { userListSchema } from "@/lib/validation/users";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AddColleagueForm } from "@/components/users/add-colleague-form";
import { Button, buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("users.title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const f = userListSchema.parse({ q: first(sp.q) || undefined, park: first(sp.park) || undefined, active: first(sp.active) || undefined, page: first(sp.page) });
  const [{ users, total, pageCount }, options] = await Promise.all([
    orNotFound(listUsers(actor, { q: f.q, park: f.park, active: f.active === undefined ? undefined : f.active === "1", page: f.page, pageSize: f.pageSize })),
    orNotFound(listGrantOptions(actor)),
  ]);
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getRequestLocale()]);
  const subtitle = actor.isAdmin ? t("users.subtitleAdmin") : t("users.subtitleLeader");
  return (
    <>
      <PageHeader title={t("users.title")} subtitle={subtitle}>
        <div className="no-print flex flex-wrap items-end gap-2">
          <form method="get" className="flex flex-wrap gap-2">
            <input name="q" defaultValue={f.q ?? ""} aria-label={t("users.search")} placeholder={t("users.searchPlaceholder")} className="rounded border border-slate-300 px-2 py-1.5 text-sm" />
            <select name="park" defaultValue={f.park ?? ""} aria-label={t("users.park")} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">{t("users.allParks")}</option>
              {options.parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <select name="active" defaultValue={f.active ?? ""} aria-label={t("users.status")} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">{t("users.allStatuses")}</option>
              <option value="1">{t("users.active")}</option>
              <option value="0">{t("users.inactive")}</option>
            </select>
            <Button variant="secondary">{t("users.filter")}</Button>
          </form>
          <Link href="/admin/users/new" className={buttonClass()}>
            {t("users.newUser")}
          </Link>
        </div>
      </PageHeader>
      {!actor.isAdmin && (
        <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer text-brand-700">{t("users.addColleague")}</summary>
          <div className="mt-3">
            <ClientMessages locale={locale} namespaces={["admin"]}>
              <AddColleagueForm options={options} />
            </ClientMessages>
          </div>
        </details>
      )}
      <DataTable
        testId="user-table"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            header: t("users.col.username"),
            cell: (u) => (
              <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                {u.username}
              </Link>
            ),
            className: "font-mono text-xs",
          },
          { header: t("users.col.name"), cell: (u) => u.name },
          { header: t("users.col.unitTitle"), cell: (u) => [u.unit, u.title].filter(Boolean).join(" / ") || "—", className: "text-slate-600" },
          { header: t("users.col.phone"), cell: (u) => u.phone ?? "—", className: "tabular-nums text-slate-600" },
          {
            header: t("users.col.roles"),
            cell: (u) => (
              <>
                {u.memberships.length === 0 && <span className="text-slate-400">{t("users.noRole")}</span>}
                {u.memberships.map((m) => (
                  <div key={m.id}>
                    {tc(`enum.role.${m.role}`)}
                    {m.park ? ` · ${m.park.name}` : m.region ? ` · ${m.region.name}` : ` · ${t("users.allParks")}`}
                  </div>
                ))}
              </>
            ),
            className: "text-slate-700",
          },
          {
            header: t("users.col.status"),
            cell: (u) => (
              <>
                {u.isActive ? <span className="text-emerald-700">{t("users.active")}</span> : <span className="text-slate-400">{t("users.inactive")}</span>}
                {u.isActive && u.mustChangePassword && <span className="ml-2 text-xs text-amber-700">{t("users.mustChangePassword")}</span>}
              </>
            ),
          },
        ]}
      />
      <Pagination basePath="/admin/users" params={{ q: f.q ?? "", park: f.park ? String(f.park) : "", active: f.active ?? "" }} page={f.page} pageCount={pageCount} total={total} />
    </>
  );
}
