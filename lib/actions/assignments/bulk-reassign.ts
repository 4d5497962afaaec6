"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { bulkReassign } from "@/lib/server/assignments/bulk-reassign";
import { bulkReassignSchema } from "@/lib/validation/assignments";

/** 包保移交: hands every active assignment of one person (in the chosen park and role) to another. */
export const bulkReassignAction = authActionClient
  .metadata({ permission: "assignment.manage" })
  .inputSchema(formSchema(bulkReassignSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await bulkReassign(ctx.actor, clientInput);
    revalidatePath("/coverage", "layout");
    return result;
  });
