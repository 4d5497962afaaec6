"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { receiveIssue } from "@/lib/server/first-contact/receive-issue";
import { receiveIssueSchema } from "@/lib/validation/first-contact";

/** 直接受理: a problem received by phone, at the window, by letter or online; the actor becomes its 首问责任人. */
export const receiveIssueAction = authActionClient
  .metadata({ permission: "issue.write" })
  .inputSchema(formSchema(receiveIssueSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => receiveIssue(ctx.actor, clientInput));
