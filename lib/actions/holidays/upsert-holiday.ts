"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { upsertHoliday } from "@/lib/server/holidays/upsert-holiday";
import { holidayUpsertSchema } from "@/lib/validation/issues";

/** Adds a 法定节假日 or 调休 working day, or changes the one on that date. */
export const upsertHolidayAction = authActionClient
  .metadata({ permission: "holiday.manage" })
  .inputSchema(formSchema(holidayUpsertSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const row = await upsertHoliday(ctx.actor, clientInput);
    revalidatePath("/admin/holidays");
    return row;
  });
