"use server";

import { z } from "zod";
import { authActionClient } from "@/lib/actions/safe-action";
import { getBoardColumnPage } from "@/lib/server/board/get-board";
import { BOARD_COLUMNS, boardFiltersSchema } from "@/lib/validation/board-filters";

const loadCardsSchema = z.object({
  filters: boardFiltersSchema,
  column: z.enum(BOARD_COLUMNS),
  cursor: z.string().max(100),
});

/** The next page of one board column ("加载更多"), under the board's current filters. */
export const loadMoreCardsAction = authActionClient
  .metadata({ permission: "project.read" })
  .inputSchema(loadCardsSchema, {
    // Filters come from the page's URL, not from a form: one message, no fields to mark.
    handleValidationErrorsShape: async () => ({ _form: ["看板筛选条件无效，请刷新页面"] }),
  })
  .action(async ({ parsedInput: { filters, column, cursor }, ctx }) => getBoardColumnPage(ctx.actor, filters, column, cursor));
