import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parseBoardFilters } from "@/lib/validation/board-filters";
import { getBoard, listBoardLiaisons } from "@/lib/server/board/get-board";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { listProjectIndustries } from "@/lib/server/projects/list-projects";
import { can, parksWith } from "@/lib/domain/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { FilterErrors } from "@/components/ui/filter-select";
import { BoardFiltersForm } from "@/components/board/board-filters-form";
import { PipelineBoard, type ParkRights } from "@/components/board/pipeline-board";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { MyDigest } from "@/components/digest/my-digest";
import { myDigest } from "@/lib/server/notifications/daily-digest";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("board");
  return { title: t("metaTitle") };
}

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const [t, locale] = await Promise.all([getT("board"), getRequestLocale()]);
  requirePermission(actor, "project.read");
  const { filters: parsed, errors } = parseBoardFilters(await searchParams);
  const readable = parksWith(actor, "project.read");
  // One park is the usual board; people of a single park land on theirs directly.
  const filters = !parsed.park && readable.length === 1 ? { ...parsed, park: readable[0] } : parsed;
  const [columns, parks, liaisons, industries] = await Promise.all([
    orNotFound(getBoard(actor, filters)),
    listVisibleParks(actor),
    listBoardLiaisons(actor, filters.park),
    listProjectIndustries(actor),
  ]);
  const rights: ParkRights = Object.fromEntries(readable.map((id) => [id, { write: can(actor, "project.write", id), correct: can(actor, "project.correct", id) }]));
  const parkName = parks.find((p) => p.id === filters.park)?.name;
  const rightsShown = filters.park ? [rights[filters.park]].filter(Boolean) : Object.values(rights);
  const how = rightsShown.some((r) => r.write) ? t("how.write") : rightsShown.some((r) => r.correct) ? t("how.correct") : t("how.readOnly");
  return (
    <ClientMessages locale={locale} namespaces={["board", "warnings"]}>
      <PageHeader title={parkName ? t("titlePark", { park: parkName }) : t("titleAll")} subtitle={t("subtitle", { how })} />
      <MyDigest digest={myDigest(actor)} />
      <BoardFiltersForm filters={filters} parks={parks} liaisons={liaisons} industries={industries} />
      <FilterErrors errors={errors} />
      <PipelineBoard columns={columns} filters={filters} rights={rights} showPark={!filters.park} />
    </ClientMessages>
  );
}
