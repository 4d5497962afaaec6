"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { removeMembership } from "@/lib/server/users/memberships";
import { idField } from "@/lib/validation/fields";

/** Takes one role away: (user id, membership id). 包保 stays until 包保移交 hands it over. */
export const removeMembershipAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .bindArgsSchemas([formSchema(idField("用户"))])
  .inputSchema(formSchema(idField("角色")), shapeErrors)
  .action(async ({ parsedInput: membershipId, bindArgsParsedInputs: [userId], ctx }) => {
    const result = await removeMembership(ctx.actor, userId, membershipId);
    revalidatePath("/admin/users");
    return result;
  });
