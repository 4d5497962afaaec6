"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { addMembership, addMembershipByUsername } from "@/lib/server/users/memberships";
import { idField } from "@/lib/validation/fields";
import { membershipSchema } from "@/lib/validation/users";

/** Gives an account a role in a park or region: (user id, role and scope). */
export const addMembershipAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .bindArgsSchemas([formSchema(idField("用户"))])
  .inputSchema(formSchema(membershipSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [userId], ctx }) => {
    const result = await addMembership(ctx.actor, userId, clientInput);
    revalidatePath("/admin/users");
    return result;
  });

/** A park leader adds an existing colleague by username: (username, role and park). */
export const addMembershipByUsernameAction = authActionClient
  .metadata({ permission: ["user.manage", "member.manage"] })
  .bindArgsSchemas([z.string().max(100)])
  .inputSchema(formSchema(membershipSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsClientInputs: [username], ctx }) => {
    const result = await addMembershipByUsername(ctx.actor, username, clientInput);
    revalidatePath("/admin/users");
    return result;
  });
