import Link from "next/link";
import type { getProject } from "@/lib/server/projects/get-project";
import { formatWan, formatYi } from "@/lib/domain/money";
import { formatDateZh } from "@/lib/domain/dates";
import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "@/lib/domain/labels";
import { Section } from "@/components/ui/section";

type Project = Awaited<ReturnType<typeof getProject>>;

function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children ?? "—"}</dd>
    </div>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Section title={title}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3">{children}</dl>
    </Section>
  );
}

const money = (v: { toString(): string } | null) => (v === null ? "—" : `${formatWan(v)}（${formatYi(v)}）`);

export function ProjectFacts({ project: p }: { project: Project }) {
  const plan = p.yearPlans[0];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="基本信息">
        <Fact label="产业链/行业">{p.industry}</Fact>
        <Fact label="项目来源">{SOURCE_LABELS[p.source]}</Fact>
        <Fact label="项目级别">{KEY_LEVEL_LABELS[p.keyLevel]}</Fact>
        <Fact label="专项清单">{p.specialLists.length ? p.specialLists.join("、") : "—"}</Fact>
        <Fact label="建设内容及规模" className="col-span-2">
          {p.content}
        </Fact>
        <Fact label="形象进度">{p.imageProgress}</Fact>
        <Fact label="存在问题">{p.problems}</Fact>
        {p.status !== "ACTIVE" && <Fact label="暂缓/终止原因">{p.statusReason}</Fact>}
        <Fact label="备注">{p.remark}</Fact>
      </Card>
      <Card title="投资主体">
        <Fact label="企业名称">
          <Link href={`/enterprises/${p.enterprise.id}`} className="text-brand-600 hover:underline">
            {p.enterprise.name}
          </Link>
        </Fact>
        <Fact label="统一社会信用代码">{p.enterprise.creditCode}</Fact>
        <Fact label="法定代表人">{p.enterprise.legalPerson}</Fact>
        <Fact label="联系人">
          {p.enterprise.contactName} {p.enterprise.contactPhone}
        </Fact>
        <Fact label="责任单位">{p.responsibleUnit}</Fact>
      </Card>
      <Card title="投资">
        <Fact label="总投资">{money(p.totalInvestment)}</Fact>
        <Fact label="合同引资额">{money(p.contractInvestment)}</Fact>
        <Fact label="注册资本">{money(p.registeredCapital)}</Fact>
        <Fact label="用地">{p.landArea ? `${p.landArea.toString()} 亩` : "—"}</Fact>
        <Fact label={plan ? `${plan.year}年计划投资` : "本年计划投资"}>{plan ? money(plan.plannedInvestment) : "—"}</Fact>
        <Fact label="期初累计完成投资">{money(p.investmentCompletedBefore)}</Fact>
        <Fact label="期初累计到位资金">{money(p.fundsArrivedBefore)}</Fact>
      </Card>
      <Card title="节点日期">
        <Fact label="签约日期">{formatDateZh(p.signedDate)}</Fact>
        <Fact label="注册日期">{formatDateZh(p.registeredDate)}</Fact>
        <Fact label="供地日期">{formatDateZh(p.landSuppliedDate)}</Fact>
        <Fact label="落地日期">{formatDateZh(p.landedDate)}</Fact>
        <Fact label="计划开工">{formatDateZh(p.plannedStartDate)}</Fact>
        <Fact label="实际开工">{formatDateZh(p.actualStartDate)}</Fact>
        <Fact label="计划投产">{formatDateZh(p.plannedProductionDate)}</Fact>
        <Fact label="实际投产">{formatDateZh(p.actualProductionDate)}</Fact>
      </Card>
    </div>
  );
}
