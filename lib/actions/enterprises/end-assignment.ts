"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { endAssignment } from "@/lib/server/enterprises/end-assignment";
import { endAssignmentSchema } from "@/lib/validation/enterprises";

/** Ends an enterprise's 包保责任人 or 包保领导 without naming a successor. */
export const endAssignmentAction = authActionClient
  .metadata({ permission: "assignment.manage" })
  .inputSchema(formSchema(endAssignmentSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => endAssignment(ctx.actor, clientInput));
