import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listAudit } from "@/lib/server/audit/list-audit";
import { pageFrom } from "@/lib/validation/paging";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "操作日志" };

const ACTION_LABELS: Record<string, string> = {
  "auth.signIn": "登录",
  "auth.signInFailed": "登录失败",
  "seed.demo": "导入演示数据",
  "project.import": "台账导入",
};

const timeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "audit.read");
  const page = pageFrom((await searchParams).page);
  const { rows, total, pageCount } = await listAudit(actor, page);
  return (
    <>
      <PageHeader title="操作日志" subtitle="谁在何时对哪条记录做了什么（含修改前后内容）" />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="audit-table">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">时间</th>
              <th className="px-3 py-2">操作人</th>
              <th className="px-3 py-2">操作</th>
              <th className="px-3 py-2">对象</th>
              <th className="px-3 py-2">IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
                  暂无记录
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="px-3 py-2 tabular-nums text-slate-600">{timeFormat.format(r.createdAt)}</td>
                <td className="px-3 py-2">{r.actor ? `${r.actor.name}（${r.actor.username}）` : "—"}</td>
                <td className="px-3 py-2">{ACTION_LABELS[r.action] ?? r.action}</td>
                <td className="px-3 py-2 text-slate-600">
                  {r.entityType} #{r.entityId}
                </td>
                <td className="px-3 py-2 text-slate-500">{r.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath="/audit" params={{}} page={page} pageCount={pageCount} total={total} />
    </>
  );
}
