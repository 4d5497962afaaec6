import "server-only";
import type { Writable } from "node:stream";
import { todayInShanghai } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import { POINT_EARNER_LABELS, pointKindLabel } from "@/lib/domain/points";
import { BOARD_TAB_LABELS } from "@/lib/validation/points";
import { type ExportColumn, type ExportRow, streamWorkbook } from "@/lib/server/excel/stream-workbook";
import { getLeaderboard } from "./get-leaderboard";
import { listPointEvents } from "./list-point-events";

const BOARD_COLUMNS: ExportColumn[] = [
  { header: "名次", type: "int", width: 6 },
  { header: "名称", type: "text", width: 24 },
  { header: "园区", type: "text", width: 24 },
  { header: "加分", type: "int", width: 8 },
  { header: "减分", type: "int", width: 8 },
  { header: "合计", type: "int", width: 8 },
  { header: "事项数", type: "int", width: 8 },
];
const PARK_COLUMNS: ExportColumn[] = [
  { header: "名次", type: "int", width: 6 },
  { header: "园区", type: "text", width: 24 },
  { header: "包保责任人积分", type: "int", width: 14 },
  { header: "包保领导积分", type: "int", width: 14 },
  { header: "责任单位积分", type: "int", width: 14 },
  { header: "加分", type: "int", width: 8 },
  { header: "减分", type: "int", width: 8 },
  { header: "合计", type: "int", width: 8 },
];
const EVENT_COLUMNS: ExportColumn[] = [
  { header: "日期", type: "date", width: 12 },
  { header: "积分事项", type: "text", width: 18 },
  { header: "分值", type: "int", width: 6 },
  { header: "得分对象", type: "text", width: 10 },
  { header: "人员/责任单位", type: "text", width: 16 },
  { header: "园区", type: "text", width: 18 },
  { header: "项目", type: "text", width: 26 },
  { header: "企业", type: "text", width: 26 },
  { header: "诉求编号", type: "text", width: 16 },
  { header: "依据", type: "text", width: 44 },
];

async function* once(rows: ExportRow[]): AsyncIterable<ExportRow[]> {
  yield rows;
}

/** The leaderboard (view "board") or the events behind it (view "events") for the same URL, as one .xlsx sheet. */
export async function exportPoints(actor: Actor, raw: Record<string, unknown>, today = todayInShanghai()): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { view, ...query } = raw;
  if (view === "events") {
    const list = await listPointEvents(actor, query, { all: true }, today);
    const rows: ExportRow[] = list.rows.map((r) => [
      r.eventDate,
      pointKindLabel(r.kind),
      r.points,
      POINT_EARNER_LABELS[r.earner],
      r.userName ?? r.unit,
      r.parkName,
      r.projectName,
      r.enterpriseName,
      r.issueCode,
      r.kind === "MANUAL" ? `${r.detail}（${r.adjustedByName ?? ""}录入）` : r.detail,
    ]);
    const title = `积分明细 · ${list.scope.scopeName} · ${list.scope.periodLabel}（合计 ${list.sum} 分）`;
    return {
      fileName: `积分明细-${list.scope.periodLabel}.xlsx`,
      write: (out) => streamWorkbook(out, { name: "积分明细", title, actorName: actor.name, columns: EVENT_COLUMNS }, once(rows)),
    };
  }
  const board = await getLeaderboard(actor, query, { all: true }, today);
  const park = board.tab === "park";
  const rows: ExportRow[] = board.rows.map((r) =>
    park ? [r.rank, r.name, r.liaisonPoints, r.leaderPoints, r.unitPoints, r.plus, r.minus, r.total] : [r.rank, r.name, r.parkNames, r.plus, r.minus, r.total, r.events],
  );
  const title = `积分排行（${BOARD_TAB_LABELS[board.tab]}）· ${board.scope.scopeName} · ${board.scope.periodLabel}`;
  return {
    fileName: `积分排行-${BOARD_TAB_LABELS[board.tab]}-${board.scope.periodLabel}.xlsx`,
    write: (out) => streamWorkbook(out, { name: "积分排行", title, actorName: actor.name, columns: park ? PARK_COLUMNS : BOARD_COLUMNS }, once(rows)),
  };
}
