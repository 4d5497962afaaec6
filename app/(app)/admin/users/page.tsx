import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listUsers } from "@/lib/server/users/list-users";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { userListSchema } from "@/lib/validation/users";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AddColleagueForm } from "@/components/users/add-colleague-form";
import { Button, buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "人员与角色" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const f = userListSchema.parse({ q: first(sp.q) || undefined, park: first(sp.park) || undefined, active: first(sp.active) || undefined, page: first(sp.page) });
  const [{ users, total, pageCount }, options] = await Promise.all([
    orNotFound(listUsers(actor, { q: f.q, park: f.park, active: f.active === undefined ? undefined : f.active === "1", page: f.page, pageSize: f.pageSize })),
    orNotFound(listGrantOptions(actor)),
  ]);
  const subtitle = actor.isAdmin ? "全部账号及其在各园区、市州的角色" : "本人担任园区领导的园区中的工作人员和包保责任人";
  return (
    <>
      <PageHeader title="人员与角色" subtitle={subtitle}>
        <div className="no-print flex flex-wrap items-end gap-2">
          <form method="get" className="flex flex-wrap gap-2">
            <input name="q" defaultValue={f.q ?? ""} aria-label="搜索" placeholder="用户名、姓名、单位或电话" className="rounded border border-slate-300 px-2 py-1.5 text-sm" />
            <select name="park" defaultValue={f.park ?? ""} aria-label="园区" className="rounded border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">全部园区</option>
              {options.parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <select name="active" defaultValue={f.active ?? ""} aria-label="状态" className="rounded border border-slate-300 px-2 py-1.5 text-sm">
              <option value="">全部状态</option>
              <option value="1">启用</option>
              <option value="0">停用</option>
            </select>
            <Button variant="secondary">筛选</Button>
          </form>
          <Link href="/admin/users/new" className={buttonClass()}>
            新建用户
          </Link>
        </div>
      </PageHeader>
      {!actor.isAdmin && (
        <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer text-brand-700">把已有账号的同事加入本园区</summary>
          <div className="mt-3">
            <AddColleagueForm options={options} />
          </div>
        </details>
      )}
      <DataTable
        testId="user-table"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            header: "用户名",
            cell: (u) => (
              <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                {u.username}
              </Link>
            ),
            className: "font-mono text-xs",
          },
          { header: "姓名", cell: (u) => u.name },
          { header: "单位 / 职务", cell: (u) => [u.unit, u.title].filter(Boolean).join(" / ") || "—", className: "text-slate-600" },
          { header: "电话", cell: (u) => u.phone ?? "—", className: "tabular-nums text-slate-600" },
          {
            header: "角色与范围",
            cell: (u) => (
              <>
                {u.memberships.length === 0 && <span className="text-slate-400">无角色</span>}
                {u.memberships.map((m) => (
                  <div key={m.id}>
                    {ROLE_LABELS[m.role]}
                    {m.park ? ` · ${m.park.name}` : m.region ? ` · ${m.region.name}` : " · 全部园区"}
                  </div>
                ))}
              </>
            ),
            className: "text-slate-700",
          },
          {
            header: "状态",
            cell: (u) => (
              <>
                {u.isActive ? <span className="text-emerald-700">启用</span> : <span className="text-slate-400">停用</span>}
                {u.isActive && u.mustChangePassword && <span className="ml-2 text-xs text-amber-700">待改临时密码</span>}
              </>
            ),
          },
        ]}
      />
      <Pagination basePath="/admin/users" params={{ q: f.q ?? "", park: f.park ? String(f.park) : "", active: f.active ?? "" }} page={f.page} pageCount={pageCount} total={total} />
    </>
  );
}
