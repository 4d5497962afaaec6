"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { completeTask } from "@/lib/server/meetings/complete-task";
import { completeTaskSchema } from "@/lib/validation/meetings";

/** 办结 a follow-up task; anyone signed in may call it, lib/server accepts its owner or a leader of the meeting's scope. */
export const completeTaskAction = authActionClient
  .metadata({ permission: null })
  .inputSchema(formSchema(completeTaskSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => completeTask(ctx.actor, clientInput));
