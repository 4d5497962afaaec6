"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createPark } from "@/lib/server/org/parks";
import { parkCreateSchema } from "@/lib/validation/org";

/** A new 园区 (administrators). */
export const createParkAction = authActionClient
  .metadata({ permission: "user.manage" })
  .inputSchema(formSchema(parkCreateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const created = await createPark(ctx.actor, clientInput);
    revalidatePath("/admin/org");
    return created;
  });
