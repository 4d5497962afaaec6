"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { issueSupervisionSchema } from "@/lib/validation/supervision";

/** 下发督办函 on a red project or an overdue problem; lib/server checks the park and the target. */
export const issueSupervisionAction = authActionClient
  .metadata({ permission: "supervision.issue" })
  .inputSchema(formSchema(issueSupervisionSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => issueSupervision(ctx.actor, clientInput));
