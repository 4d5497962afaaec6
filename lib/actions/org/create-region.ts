"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createRegion } from "@/lib/server/org/regions";
import { regionCreateSchema } from "@/lib/validation/org";

/** A new 市州 (administrators). */
export const createRegionAction = authActionClient
  .metadata({ permission: "user.manage" })
  .inputSchema(formSchema(regionCreateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const created = await createRegion(ctx.actor, clientInput);
    revalidatePath("/admin/org");
    return created;
  });
