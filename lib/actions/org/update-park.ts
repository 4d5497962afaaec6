"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updatePark } from "@/lib/server/org/parks";
import { idField } from "@/lib/validation/fields";
import { parkUpdateSchema } from "@/lib/validation/org";

/** Renames, edits or archives/restores a 园区: (id, changes). Nothing is ever deleted. */
export const updateParkAction = authActionClient
  .metadata({ permission: "user.manage" })
  .bindArgsSchemas([formSchema(idField("园区"))])
  .inputSchema(formSchema(parkUpdateSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [id], ctx }) => {
    const updated = await updatePark(ctx.actor, id, clientInput);
    revalidatePath("/admin/org");
    return updated;
  });
