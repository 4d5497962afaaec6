"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updateRegion } from "@/lib/server/org/regions";
import { idField } from "@/lib/validation/fields";
import { regionUpdateSchema } from "@/lib/validation/org";

/** Renames, edits or archives/restores a 市州: (id, changes). Nothing is ever deleted. */
export const updateRegionAction = authActionClient
  .metadata({ permission: "user.manage" })
  .bindArgsSchemas([formSchema(idField("市州"))])
  .inputSchema(formSchema(regionUpdateSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [id], ctx }) => {
    const updated = await updateRegion(ctx.actor, id, clientInput);
    revalidatePath("/admin/org");
    return updated;
  });
