"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { statusChangeSchema } from "@/lib/validation/transition";

/** Suspend, resume or terminate a project (with date and reason). */
export const changeStatusAction = authActionClient
  .metadata({ permission: "project.correct" })
  .inputSchema(formSchema(statusChangeSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => changeProjectStatus(ctx.actor, clientInput));
