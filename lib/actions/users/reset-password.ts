"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { resetPassword } from "@/lib/server/users/passwords";
import { idField } from "@/lib/validation/fields";

/** A temporary password, shown once; the account's sessions end. */
export const resetPasswordAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .inputSchema(formSchema(idField("用户")), shapeErrors)
  .action(async ({ parsedInput: userId, ctx }) => resetPassword(ctx.actor, userId));
