"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createUser } from "@/lib/server/users/create-user";
import { userCreateSchema } from "@/lib/validation/users";

/** A new account with a temporary password shown once (administrators; park leaders for their staff and liaisons). */
export const createUserAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .inputSchema(formSchema(userCreateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const created = await createUser(ctx.actor, clientInput);
    revalidatePath("/admin/users");
    return created;
  });
