import Link from "next/link";
import type { EnterpriseDetail, EnterpriseProject } from "@/lib/server/enterprises/get-enterprise";
import { formatDateZh, todayInShanghai } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS, VISIT_KIND_LABELS } from "@/lib/domain/issues";
import { StageBadge } from "@/components/ui/stage-badge";
import { DataTable, ROW, TitleCell } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";

// The parts of the enterprise page (一企一档) that only show data: facts and contacts,
// projects (here and in other parks), recent visits and problems.

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children || "—"}</dd>
    </div>
  );
}

export function EnterpriseFacts({ e }: { e: EnterpriseDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="企业信息" testId="enterprise-facts">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
          <Fact label="统一社会信用代码">{e.creditCode && <span className="font-mono">{e.creditCode}</span>}</Fact>
          <Fact label="所属行业">{e.industry}</Fact>
          <Fact label="所属园区">
            {e.park.regionName}
            {e.park.name}
            {e.park.archived && <span className="ml-1 text-xs text-amber-700">（已归档）</span>}
          </Fact>
          <Fact label="建档时间">{formatDateZh(todayInShanghai(new Date(e.createdAt)))}</Fact>
          <div className="col-span-2">
            <Fact label="地址">{e.address}</Fact>
          </div>
        </dl>
      </Section>
      <Section title="法定代表人与联系人" testId="enterprise-contacts">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
          <Fact label="法定代表人">{e.legalPerson}</Fact>
          <Fact label="联系人">{e.contactName}</Fact>
          <Fact label="联系电话">{e.contactPhone && <span className="tabular-nums">{e.contactPhone}</span>}</Fact>
        </dl>
      </Section>
    </div>
  );
}

function ProjectRows({ projects }: { projects: EnterpriseProject[] }) {
  return (
    <DataTable
      rows={projects}
      rowKey={(p) => p.id}
      rowClassName={() => `${ROW} hover:bg-slate-50`}
      columns={[
        { header: "项目名称", cell: (p) => <TitleCell href={`/projects/${p.id}`} title={p.name} sub={p.code} /> },
        { header: "产业链", cell: (p) => p.industry, className: "text-slate-700" },
        { header: "阶段", cell: (p) => <StageBadge stage={p.stage} status={p.status} /> },
        { header: "签约日期", cell: (p) => p.signedDate, className: "tabular-nums text-slate-700" },
        { header: "总投资", cell: (p) => formatMoney(p.totalInvestment), numeric: true },
        { header: "包保责任人", cell: (p) => p.liaisonName ?? "—", className: "text-slate-700" },
      ]}
    />
  );
}

export function EnterpriseProjects({ e }: { e: EnterpriseDetail }) {
  return (
    <section data-testid="enterprise-projects">
      <h2 className="mb-2 text-lg font-semibold">项目（{e.projects.length}）</h2>
      {e.projects.length === 0 ? <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">本园区暂无该企业的项目</p> : <ProjectRows projects={e.projects} />}
      {e.otherParks.map((s) => (
        <div key={s.id} className="mt-4" data-testid="other-park-projects">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">
            同一企业在{" "}
            <Link href={`/enterprises/${s.id}`} className="text-brand-600 hover:underline">
              {s.parkName}
            </Link>{" "}
            的项目（统一社会信用代码相同）
          </h3>
          <ProjectRows projects={s.projects} />
        </div>
      ))}
    </section>
  );
}

export function EnterpriseVisits({ e }: { e: EnterpriseDetail }) {
  return (
    <section data-testid="enterprise-visits">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">走访记录（{e.visits.total}）</h2>
        <div className="no-print flex gap-3 text-sm">
          {e.can.logVisit && (
            <Link href={`/visits/new?enterprise=${e.id}`} className="text-brand-600 hover:underline">
              登记走访
            </Link>
          )}
          {e.visits.total > e.visits.items.length && (
            <Link href={`/visits?enterprise=${e.id}`} className="text-brand-600 hover:underline">
              查看全部
            </Link>
          )}
        </div>
      </div>
      {e.visits.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">暂无走访记录</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {e.visits.items.map((v) => (
            <li key={v.id} className="px-3 py-2 text-sm">
              <div className="flex flex-wrap gap-x-3 text-slate-500">
                <span className="tabular-nums">{v.visitDate}</span>
                <span>{VISIT_KIND_LABELS[v.kind]}</span>
                <span>{v.liaisonName}</span>
                {v.projectName && <span>项目：{v.projectName}</span>}
                {v.peopleMet && <span>接待：{v.peopleMet}</span>}
              </div>
              <p className="mt-0.5 whitespace-pre-line text-slate-800">{v.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EnterpriseProblems({ e }: { e: EnterpriseDetail }) {
  return (
    <section data-testid="enterprise-problems">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          企业诉求（未销号 {e.problems.open} / 共 {e.problems.total}）
        </h2>
        {e.problems.total > 0 && (
          <Link href={`/issues?enterprise=${e.id}`} className="no-print text-sm text-brand-600 hover:underline">
            查看全部
          </Link>
        )}
      </div>
      {e.problems.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">暂无问题</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {e.problems.items.map((p) => (
            <li key={p.id} className="px-3 py-2 text-sm">
              <Link href={`/issues/${p.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                {p.title}
              </Link>
              <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                <span>{p.code}</span>
                <span>{ISSUE_CATEGORY_LABELS[p.category]}</span>
                <span className={p.status === "CLOSED" ? "" : "text-amber-700"}>{ISSUE_STATUS_LABELS[p.status]}</span>
                <span className="tabular-nums">提出 {p.raisedDate}</span>
                {p.status === "CLOSED" ? <span className="tabular-nums">销号 {p.closedDate}</span> : <span className="tabular-nums">办结时限 {p.resolveDeadline}</span>}
                {p.projectName && <span>项目：{p.projectName}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
