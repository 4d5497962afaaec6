import Link from "next/link";
import type { EnterpriseDetail, EnterpriseProject } from "@/lib/server/enterprises/get-enterprise";
import { useLocale, useTranslations } from "next-intl";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatDateIn, formatMoneyIn } from "@/lib/i18n/format";
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
  const t = useTranslations("enterprises");
  const locale = useLocale();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title={t("facts.info")} testId="enterprise-facts">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
          <Fact label={t("field.creditCode")}>{e.creditCode && <span className="font-mono">{e.creditCode}</span>}</Fact>
          <Fact label={t("field.industry")}>{e.industry}</Fact>
          <Fact label={t("field.parkId")}>
            {e.park.regionName}
            {e.park.name}
            {e.park.archived && <span className="ml-1 text-xs text-amber-700">{t("facts.archived")}</span>}
          </Fact>
          <Fact label={t("facts.createdAt")}>{formatDateIn(locale, todayInShanghai(new Date(e.createdAt)))}</Fact>
          <div className="col-span-2">
            <Fact label={t("field.address")}>{e.address}</Fact>
          </div>
        </dl>
      </Section>
      <Section title={t("facts.contacts")} testId="enterprise-contacts">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
          <Fact label={t("field.legalPerson")}>{e.legalPerson}</Fact>
          <Fact label={t("field.contactName")}>{e.contactName}</Fact>
          <Fact label={t("field.contactPhone")}>{e.contactPhone && <span className="tabular-nums">{e.contactPhone}</span>}</Fact>
        </dl>
      </Section>
    </div>
  );
}

function ProjectRows({ projects }: { projects: EnterpriseProject[] }) {
  const t = useTranslations("enterprises.projects");
  const locale = useLocale();
  return (
    <DataTable
      rows={projects}
      rowKey={(p) => p.id}
      rowClassName={() => `${ROW} hover:bg-slate-50`}
      columns={[
        { header: t("name"), cell: (p) => <TitleCell href={`/projects/${p.id}`} title={p.name} sub={p.code} /> },
        { header: t("industry"), cell: (p) => p.industry, className: "text-slate-700" },
        { header: t("stage"), cell: (p) => <StageBadge stage={p.stage} status={p.status} /> },
        { header: t("signedDate"), cell: (p) => p.signedDate, className: "tabular-nums text-slate-700" },
        { header: t("totalInvestment"), cell: (p) => formatMoneyIn(locale, p.totalInvestment), numeric: true },
        { header: t("liaison"), cell: (p) => p.liaisonName ?? "—", className: "text-slate-700" },
      ]}
    />
  );
}

export function EnterpriseProjects({ e }: { e: EnterpriseDetail }) {
  const t = useTranslations("enterprises.projects");
  return (
    <section data-testid="enterprise-projects">
      <h2 className="mb-2 text-lg font-semibold">{t("heading", { count: e.projects.length })}</h2>
      {e.projects.length === 0 ? <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">{t("none")}</p> : <ProjectRows projects={e.projects} />}
      {e.otherParks.map((s) => (
        <div key={s.id} className="mt-4" data-testid="other-park-projects">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">
            {t.rich("otherPark", {
              park: s.parkName,
              link: (c) => (
                <Link href={`/enterprises/${s.id}`} className="text-brand-600 hover:underline">
                  {c}
                </Link>
              ),
            })}
          </h3>
          <ProjectRows projects={s.projects} />
        </div>
      ))}
    </section>
  );
}

export function EnterpriseVisits({ e }: { e: EnterpriseDetail }) {
  const t = useTranslations("enterprises.visits");
  const tc = useTranslations("common.enum");
  return (
    <section data-testid="enterprise-visits">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("heading", { count: e.visits.total })}</h2>
        <div className="no-print flex gap-3 text-sm">
          {e.can.logVisit && (
            <Link href={`/visits/new?enterprise=${e.id}`} className="text-brand-600 hover:underline">
              {t("log")}
            </Link>
          )}
          {e.visits.total > e.visits.items.length && (
            <Link href={`/visits?enterprise=${e.id}`} className="text-brand-600 hover:underline">
              {t("all")}
            </Link>
          )}
        </div>
      </div>
      {e.visits.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {e.visits.items.map((v) => (
            <li key={v.id} className="px-3 py-2 text-sm">
              <div className="flex flex-wrap gap-x-3 text-slate-500">
                <span className="tabular-nums">{v.visitDate}</span>
                <span>{tc(`visitKind.${v.kind}`)}</span>
                <span>{v.liaisonName}</span>
                {v.projectName && <span>{t("project", { name: v.projectName })}</span>}
                {v.peopleMet && <span>{t("met", { people: v.peopleMet })}</span>}
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
  const t = useTranslations("enterprises.problems");
  const tc = useTranslations("common.enum");
  return (
    <section data-testid="enterprise-problems">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {t("heading", { open: e.problems.open, total: e.problems.total })}
        </h2>
        {e.problems.total > 0 && (
          <Link href={`/issues?enterprise=${e.id}`} className="no-print text-sm text-brand-600 hover:underline">
            {t("all")}
          </Link>
        )}
      </div>
      {e.problems.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {e.problems.items.map((p) => (
            <li key={p.id} className="px-3 py-2 text-sm">
              <Link href={`/issues/${p.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                {p.title}
              </Link>
              <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                <span>{p.code}</span>
                <span>{tc(`issueCategory.${p.category}`)}</span>
                <span className={p.status === "CLOSED" ? "" : "text-amber-700"}>{tc(`issueStatus.${p.status}`)}</span>
                <span className="tabular-nums">{t("raised", { date: p.raisedDate })}</span>
                {p.status === "CLOSED" ? <span className="tabular-nums">{t("closed", { date: p.closedDate ?? "" })}</span> : <span className="tabular-nums">{t("deadline", { date: p.resolveDeadline })}</span>}
                {p.projectName && <span>{t("project", { name: p.projectName })}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
