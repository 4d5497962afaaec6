"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { recordAttendance } from "@/lib/server/meetings/edit-meeting";
import { recordAttendanceSchema } from "@/lib/validation/meetings";

/** 参会人员 and the date: marks the meeting held. */
export const recordAttendanceAction = authActionClient
  .metadata({ permission: "meeting.lead" })
  .inputSchema(formSchema(recordAttendanceSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => recordAttendance(ctx.actor, clientInput));
