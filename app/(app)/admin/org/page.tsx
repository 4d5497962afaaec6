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
import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/section";

export const metadata: Metadata = { title: "园区与市州" };

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
        <Card>
          <RegionForm />
        </Card>
        <DataTable
          testId="region-table"
          rows={regions}
          rowKey={(r) => r.id}
          columns={[
            { header: "名称", cell: (r) => r.name },
            { header: "代码", cell: (r) => r.code, className: "font-mono text-xs" },
            { header: "园区数", cell: (r) => r.parkCount, numeric: true },
            { header: "状态", cell: (x) => (x.archivedAt ? <span className="text-slate-400">已归档</span> : <span className="text-emerald-700">使用中</span>) },
            {
              key: "actions",
              header: null,
              cell: (r) => (
                <Link href={`/admin/org/regions/${r.id}`} className="text-brand-700 hover:underline" aria-label={`编辑${r.name}`}>
                  编辑
                </Link>
              ),
              align: "right",
            },
          ]}
        />
      </section>
      <section className="space-y-3" aria-labelledby="parks-heading">
        <h2 id="parks-heading" className="text-lg font-semibold">
          园区
        </h2>
        <Card>
          {openRegions.length > 0 ? <ParkForm regions={openRegions} /> : <p className="text-sm text-slate-600">请先新增市州，再新增园区。</p>}
        </Card>
        <DataTable
          testId="park-table"
          rows={parks}
          rowKey={(p) => p.id}
          columns={[
            { header: "名称", cell: (p) => p.name },
            { header: "代码", cell: (p) => p.code, className: "font-mono text-xs" },
            {
              header: "级别 / 类型",
              cell: (p) => (
                <>
                  {PARK_LEVEL_LABELS[p.level]} · {PARK_TYPE_LABELS[p.type]}
                </>
              ),
            },
            { header: "所属市州", cell: (p) => p.region.name },
            { header: "项目", cell: (p) => p.projectCount, numeric: true },
            { header: "企业", cell: (p) => p.enterpriseCount, numeric: true },
            {
              header: "人员角色",
              cell: (p) => (
                <Link href={`/admin/users?park=${p.id}`} className="text-brand-700 hover:underline">
                  {p.memberCount}
                </Link>
              ),
              numeric: true,
            },
            { header: "状态", cell: (x) => (x.archivedAt ? <span className="text-slate-400">已归档</span> : <span className="text-emerald-700">使用中</span>) },
            {
              key: "actions",
              header: null,
              cell: (p) => (
                <Link href={`/admin/org/parks/${p.id}`} className="text-brand-700 hover:underline" aria-label={`编辑${p.name}`}>
                  编辑
                </Link>
              ),
              align: "right",
            },
          ]}
        />
      </section>
    </>
  );
}
