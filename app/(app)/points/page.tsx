import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { can, parksWith } from "@/lib/domain/permissions";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { BOARD_TABS, pointsQuerySchema } from "@/lib/validation/points";
import { getLeaderboard, type LeaderboardRow } from "@/lib/server/points/get-leaderboard";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { buttonClass } from "@/components/ui/button";
import { PointsFilter, qs, scopeParams } from "@/components/points/points-filter";
import { formatPoints } from "@/lib/domain/points";
import { periodText, scopeText } from "@/components/points/labels";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("points");
  return { title: t("title") };
}

export default async function PointsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseUrlFilters(pointsQuerySchema, await searchParams);
  const [board, scopes] = await Promise.all([orNotFound(getLeaderboard(actor, filters)), listPointScopes(actor)]);
  const s = board.scope;
  const [t, locale] = await Promise.all([getT("points"), getRequestLocale()]);
  const period = periodText(locale, s.period);
  const value = { park: filters.park, region: filters.park ? undefined : filters.region, period: s.period.type, year: s.period.year, n: s.period.n };
  const base = scopeParams(value);
  const tab = board.tab;
  const earner = tab === "liaison" ? "LIAISON" : tab === "leader" ? "LEADER" : "UNIT";
  const drill = (r: LeaderboardRow) =>
    `/points/events${qs(tab === "park" ? { ...base, park: r.parkId!, region: undefined } : tab === "unit" ? { ...base, park: r.parkId!, region: undefined, earner, unit: r.unit! } : { ...base, earner, user: r.userId! })}`;
  const manages = parksWith(actor, "points.manage").length > 0;
  const adjusts = parksWith(actor, "points.adjust").length > 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("board.subtitle", { scope: scopeText(locale, s.scopeName), period, counted: s.counted && s.counted.to < s.range.to ? t("board.countedTo", { date: s.counted.to }) : "" })}
      >
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <DownloadLink href={`/api/export/points${qs({ ...base, tab })}`} className={buttonClass({ variant: "secondary" })} testId="points-export">
            {t("exportExcel")}
          </DownloadLink>
          <Link href={`/points/rules${filters.park ? `?park=${filters.park}` : filters.region ? `?region=${filters.region}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            {manages ? t("board.rulesEditable") : t("board.rules")}
          </Link>
          {adjusts && (
            <Link href={`/points/adjustments${filters.park ? `?park=${filters.park}` : ""}`} className={buttonClass({ variant: "secondary" })}>
              {t("board.adjustments")}
            </Link>
          )}
        </div>
      </PageHeader>
      <PointsFilter action="/points" parks={scopes.parks} regions={scopes.regions} value={value} hidden={{ tab }} errors={errors} />
      {s.full && (
        <nav aria-label={t("board.tabsAria")} className="no-print mb-3 flex flex-wrap gap-2">
          {BOARD_TABS.map((k) => (
            <Link key={k} href={`/points${qs({ ...base, tab: k })}`} aria-current={k === tab ? "page" : undefined} className={buttonClass({ variant: k === tab ? "primary" : "secondary", size: "sm" })}>
              {t("board.tabLink", { tab: t(`tab.${k}`) })}
            </Link>
          ))}
        </nav>
      )}
      {!s.counted ? (
        <p className="text-sm text-slate-600">{t("board.notStarted", { period })}</p>
      ) : (
        <DataTable
          caption={t("board.caption", { tab: t(`tab.${tab}`) })}
          testId="points-board"
          rows={board.rows}
          rowKey={(r) => `${r.userId ?? ""}-${r.parkId ?? ""}-${r.unit ?? ""}`}
          empty={t("board.empty")}
          columns={[
            { header: t("board.rank"), numeric: true, cell: (r) => r.rank, stacked: "label" },
            { header: t(`tab.${tab}`), cell: (r) => <Link href={drill(r)} className="text-brand-700 hover:underline">{r.name}</Link>, stacked: "title" },
            tab !== "park" && { header: t("board.park"), cell: (r) => r.parkNames },
            tab === "park" && { header: t("board.liaisonPoints"), numeric: true, cell: (r) => r.liaisonPoints },
            tab === "park" && { header: t("board.leaderPoints"), numeric: true, cell: (r) => r.leaderPoints },
            tab === "park" && { header: t("board.unitPoints"), numeric: true, cell: (r) => r.unitPoints },
            { header: t("board.plus"), numeric: true, cell: (r) => <span className="text-emerald-700">{formatPoints(r.plus)}</span> },
            { header: t("board.minus"), numeric: true, cell: (r) => <span className="text-red-700">{r.minus}</span> },
            { header: t("board.total"), numeric: true, cell: (r) => <Link href={drill(r)} className="font-semibold text-brand-700 hover:underline">{r.total}</Link> },
            { header: t("board.events"), numeric: true, cell: (r) => r.events },
          ]}
        />
      )}
      <Pagination basePath="/points" params={{ ...base, tab }} page={board.page} pageCount={Math.max(1, Math.ceil(board.total / board.pageSize))} total={board.total} />
      {!can(actor, "dashboard.read") && (
        <p className="mt-3 text-sm">
          <Link href={`/points/events${qs(base)}`} className="text-brand-700 hover:underline">{t("board.myEvents")}</Link>
        </p>
      )}
    </>
  );
}
