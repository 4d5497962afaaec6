// The annual-plan endpoints' responses in their published shapes (plan-schemas.ts).

import type { z } from "zod";
import type { ProjectPlanYear } from "@/lib/server/plans/list-project-plans";
import type { ParkPlanRow, ParkPlanTotals } from "@/lib/server/plans/list-park-plans";
import type { parkPlansSchema, projectPlansSchema } from "./plan-schemas";

export function projectPlansJson(projectId: number, plans: ProjectPlanYear[]): z.infer<typeof projectPlansSchema> {
  return { projectId, plans };
}

export function parkPlansJson(list: {
  parkId: number;
  parkName: string;
  year: number;
  totals: ParkPlanTotals;
  rows: ParkPlanRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}): z.infer<typeof parkPlansSchema> {
  return { parkId: list.parkId, parkName: list.parkName, year: list.year, totals: list.totals, items: list.rows, total: list.total, page: list.page, pageSize: list.pageSize, pageCount: list.pageCount };
}
