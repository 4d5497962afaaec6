"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { prepareMeeting } from "@/lib/server/meetings/prepare-meeting";
import { prepareMeetingSchema } from "@/lib/validation/meetings";

/** 定稿议程: freeze the month's agenda from the chosen candidates and free items; lib/server checks the scope. */
export const prepareMeetingAction = authActionClient
  .metadata({ permission: "meeting.lead" })
  .inputSchema(formSchema(prepareMeetingSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => prepareMeeting(ctx.actor, clientInput));
