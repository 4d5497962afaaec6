"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updateUser } from "@/lib/server/users/update-user";
import { idField } from "@/lib/validation/fields";
import { userUpdateSchema } from "@/lib/validation/users";

/** Profile fields, or disabling and re-enabling: (user id, changes). */
export const updateUserAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .bindArgsSchemas([formSchema(idField("用户"))])
  .inputSchema(formSchema(userUpdateSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [userId], ctx }) => {
    const result = await updateUser(ctx.actor, userId, clientInput);
    revalidatePath("/admin/users");
    return result;
  });
