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

export const metadata: Metadata = { title: "项目看板" };

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
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
  const how = rightsShown.some((r) => r.write)
    ? "拖动卡片或使用卡片上的“移动”菜单推进项目"
    : rightsShown.some((r) => r.correct)
      ? "推进项目由园区工作人员操作；回退、暂缓、终止、恢复可用卡片上的“移动”菜单"
      : "只读：推进项目由园区工作人员操作";
  return (
    <>
      <PageHeader
        title={parkName ? `${parkName} · 项目看板` : "项目看板（全部园区）"}
        subtitle={`签约 → 落地 → 开工 → 投产。${how}；列头数字为当前筛选下的全部项目`}
      />
      <BoardFiltersForm filters={filters} parks={parks} liaisons={liaisons} industries={industries} />
      <FilterErrors errors={errors} />
      <PipelineBoard columns={columns} filters={filters} rights={rights} showPark={!filters.park} />
    </>
  );
}
