"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { deleteHoliday } from "@/lib/server/holidays/delete-holiday";
import { holidayDateSchema } from "@/lib/validation/issues";

export const deleteHolidayAction = authActionClient
  .metadata({ permission: "holiday.manage" })
  .inputSchema(formSchema(holidayDateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    await deleteHoliday(ctx.actor, clientInput);
    revalidatePath("/admin/holidays");
  });
