"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { recordDecision } from "@/lib/server/meetings/edit-meeting";
import { recordDecisionSchema } from "@/lib/validation/meetings";

/** 议定事项 on an agenda item with its follow-up tasks. */
export const recordDecisionAction = authActionClient
  .metadata({ permission: "meeting.lead" })
  .inputSchema(formSchema(recordDecisionSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => recordDecision(ctx.actor, clientInput));
