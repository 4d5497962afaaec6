"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { assign } from "@/lib/server/assignments/assign";
import { assignSchema } from "@/lib/validation/assignments";

/** Sets a project's or enterprise's 包保责任人 or 包保领导 (the previous one's assignment ends). */
export const assignAction = authActionClient
  .metadata({ permission: "assignment.manage" })
  .inputSchema(formSchema(assignSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => assign(ctx.actor, clientInput));
