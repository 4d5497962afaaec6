import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listUsers } from "@/lib/server/users/list-users";
import { pageFrom } from "@/lib/validation/paging";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "user.manage");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.trim().slice(0, 50) : "";
  const page = pageFrom(sp.page);
  const { users, total, pageCount } = await listUsers(actor, { q: q || undefined, page, pageSize: 50 });
  return (
    <>
      <PageHeader title="用户管理" subtitle="系统用户及其在各园区的角色">
        <form method="get" className="no-print flex gap-2">
          <input name="q" defaultValue={q} placeholder="用户名、姓名或单位" className="rounded border border-slate-300 px-2 py-1.5 text-sm" />
          <button className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white">搜索</button>
        </form>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="user-table">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">用户名</th>
              <th className="px-3 py-2">姓名</th>
              <th className="px-3 py-2">单位 / 职务</th>
              <th className="px-3 py-2">电话</th>
              <th className="px-3 py-2">角色与范围</th>
              <th className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-mono text-xs">{u.username}</td>
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2 text-slate-600">{[u.unit, u.title].filter(Boolean).join(" / ") || "—"}</td>
                <td className="px-3 py-2 tabular-nums text-slate-600">{u.phone ?? "—"}</td>
                <td className="px-3 py-2 text-slate-700">
                  {u.memberships.map((m, i) => (
                    <div key={i}>
                      {ROLE_LABELS[m.role]}
                      {m.park ? ` · ${m.park.name}` : m.region ? ` · ${m.region.name}` : " · 全部园区"}
                    </div>
                  ))}
                </td>
                <td className="px-3 py-2">{u.isActive ? <span className="text-emerald-700">启用</span> : <span className="text-slate-400">停用</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath="/admin/users" params={{ q }} page={page} pageCount={pageCount} total={total} />
    </>
  );
}
