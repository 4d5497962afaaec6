"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { issueActionSchema } from "@/lib/validation/issues";

/** One step of a problem's workflow (accept, answer, extend, escalate, close…); lib/server checks who may take it. */
export const actOnIssueAction = authActionClient
  .metadata({ permission: "issue.write" })
  .inputSchema(formSchema(issueActionSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => actOnIssue(ctx.actor, clientInput));
