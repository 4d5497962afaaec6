import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listRegions } from "@/lib/server/org/regions";
import { listParksForAdmin } from "@/lib/server/org/parks";
import { PARK_LEVEL_LABELS, PARK_TYPE_LABELS } from "@/lib/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { RegionForm } from "@/components/org/region-form";
import { ParkForm } from "@/components/org/park-form";

export const metadata: Metadata = { title: "园区与市州" };

const th = "px-3 py-2";
const td = "px-3 py-2";

export default async function OrgPage() {
  const actor = await requireActor();
  const [regions, parks] = await Promise.all([orNotFound(listRegions(actor)), orNotFound(listParksForAdmin(actor))]);
  const openRegions = regions.filter((r) => !r.archivedAt);
  return (
    <>
      <PageHeader title="园区与市州" subtitle="新增和维护市州、园区；有记录的园区和市州只能归档，不能删除" />
      <section className="mb-8 space-y-3" aria-labelledby="regions-heading">
        <h2 id="regions-heading" className="text-lg font-semibold">
          市州
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <RegionForm />
        </div>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="region-table">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className={th}>名称</th>
                <th className={th}>代码</th>
                <th className={`${th} text-right`}>园区数</th>
                <th className={th}>状态</th>
                <th className={th}></th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <td className={td}>{r.name}</td>
                  <td className={`${td} font-mono text-xs`}>{r.code}</td>
                  <td className={`${td} text-right tabular-nums`}>{r.parkCount}</td>
                  <td className={td}>{r.archivedAt ? <span className="text-slate-400">已归档</span> : <span className="text-emerald-700">使用中</span>}</td>
                  <td className={`${td} text-right`}>
                    <Link href={`/admin/org/regions/${r.id}`} className="text-brand-700 hover:underline" aria-label={`编辑${r.name}`}>
                      编辑
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="space-y-3" aria-labelledby="parks-heading">
        <h2 id="parks-heading" className="text-lg font-semibold">
          园区
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          {openRegions.length > 0 ? <ParkForm regions={openRegions} /> : <p className="text-sm text-slate-600">请先新增市州，再新增园区。</p>}
        </div>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="park-table">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className={th}>名称</th>
                <th className={th}>代码</th>
                <th className={th}>级别 / 类型</th>
                <th className={th}>所属市州</th>
                <th className={`${th} text-right`}>项目</th>
                <th className={`${th} text-right`}>企业</th>
                <th className={`${th} text-right`}>人员角色</th>
                <th className={th}>状态</th>
                <th className={th}></th>
              </tr>
            </thead>
            <tbody>
              {parks.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className={td}>{p.name}</td>
                  <td className={`${td} font-mono text-xs`}>{p.code}</td>
                  <td className={td}>
                    {PARK_LEVEL_LABELS[p.level]} · {PARK_TYPE_LABELS[p.type]}
                  </td>
                  <td className={td}>{p.region.name}</td>
                  <td className={`${td} text-right tabular-nums`}>{p.projectCount}</td>
                  <td className={`${td} text-right tabular-nums`}>{p.enterpriseCount}</td>
                  <td className={`${td} text-right tabular-nums`}>
                    <Link href={`/admin/users?park=${p.id}`} className="text-brand-700 hover:underline">
                      {p.memberCount}
                    </Link>
                  </td>
                  <td className={td}>{p.archivedAt ? <span className="text-slate-400">已归档</span> : <span className="text-emerald-700">使用中</span>}</td>
                  <td className={`${td} text-right`}>
                    <Link href={`/admin/org/parks/${p.id}`} className="text-brand-700 hover:underline" aria-label={`编辑${p.name}`}>
                      编辑
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
