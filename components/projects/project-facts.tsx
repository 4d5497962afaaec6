import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { getProject } from "@/lib/server/projects/get-project";
import { formatWan, formatYi } from "@/lib/domain/money";
import { formatDateIn, formatMoneyIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
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

/** "12,345.6 万元（1.23 亿元）" in Chinese, "CNY 123.46 m" in English. */
const moneyIn = (locale: Locale, v: { toString(): string } | null) =>
  v === null ? "—" : locale === "zh-CN" ? `${formatWan(v)}（${formatYi(v)}）` : formatMoneyIn(locale, v);

export function ProjectFacts({ project: p }: { project: Project }) {
  const t = useTranslations("projects.facts");
  const tp = useTranslations("projects");
  const tc = useTranslations("common");
  const locale = useLocale();
  const money = (v: { toString(): string } | null) => moneyIn(locale, v);
  const date = (v: Date | null) => formatDateIn(locale, v);
  const plan = p.yearPlans[0];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={t("basics")}>
        <Fact label={t("industry")}>{p.industry}</Fact>
        <Fact label={t("source")}>{tc(`enum.source.${p.source}`)}</Fact>
        <Fact label={t("keyLevel")}>{tc(`enum.keyLevel.${p.keyLevel}`)}</Fact>
        <Fact label={t("specialLists")}>{p.specialLists.length ? p.specialLists.join(tp("listSeparator")) : "—"}</Fact>
        <Fact label={t("content")} className="col-span-2">
          {p.content}
        </Fact>
        <Fact label={t("imageProgress")}>{p.imageProgress}</Fact>
        <Fact label={t("problems")}>{p.problems}</Fact>
        {p.status !== "ACTIVE" && <Fact label={t("statusReason")}>{p.statusReason}</Fact>}
        <Fact label={t("remark")}>{p.remark}</Fact>
      </Card>
      <Card title={t("investor")}>
        <Fact label={t("enterpriseName")}>
          <Link href={`/enterprises/${p.enterprise.id}`} className="text-brand-600 hover:underline">
            {p.enterprise.name}
          </Link>
        </Fact>
        <Fact label={t("creditCode")}>{p.enterprise.creditCode}</Fact>
        <Fact label={t("legalPerson")}>{p.enterprise.legalPerson}</Fact>
        <Fact label={t("contact")}>
          {p.enterprise.contactName} {p.enterprise.contactPhone}
        </Fact>
        <Fact label={t("responsibleUnit")}>{p.responsibleUnit}</Fact>
      </Card>
      <Card title={t("investment")}>
        <Fact label={t("totalInvestment")}>{money(p.totalInvestment)}</Fact>
        <Fact label={t("contractInvestment")}>{money(p.contractInvestment)}</Fact>
        <Fact label={t("registeredCapital")}>{money(p.registeredCapital)}</Fact>
        <Fact label={t("landArea")}>{p.landArea ? t("landAreaValue", { mu: p.landArea.toString() }) : "—"}</Fact>
        <Fact label={plan ? t("yearPlan", { year: plan.year }) : t("thisYearPlan")}>{plan ? money(plan.plannedInvestment) : "—"}</Fact>
        <Fact label={t("investmentBefore")}>{money(p.investmentCompletedBefore)}</Fact>
        <Fact label={t("fundsBefore")}>{money(p.fundsArrivedBefore)}</Fact>
      </Card>
      <Card title={t("dates")}>
        <Fact label={tc("enum.stageDate.SIGNED")}>{date(p.signedDate)}</Fact>
        <Fact label={t("registeredDate")}>{date(p.registeredDate)}</Fact>
        <Fact label={t("landSuppliedDate")}>{date(p.landSuppliedDate)}</Fact>
        <Fact label={tc("enum.stageDate.LANDED")}>{date(p.landedDate)}</Fact>
        <Fact label={t("plannedStart")}>{date(p.plannedStartDate)}</Fact>
        <Fact label={t("actualStart")}>{date(p.actualStartDate)}</Fact>
        <Fact label={t("plannedProduction")}>{date(p.plannedProductionDate)}</Fact>
        <Fact label={t("actualProduction")}>{date(p.actualProductionDate)}</Fact>
      </Card>
    </div>
  );
}
