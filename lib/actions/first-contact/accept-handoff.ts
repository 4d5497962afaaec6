"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { acceptHandoff } from "@/lib/server/first-contact/accept-handoff";
import { acceptHandoffSchema } from "@/lib/validation/first-contact";

/** 接收: the responsible person accepts a 首问 hand-off; lib/server checks it is theirs. */
export const acceptHandoffAction = authActionClient
  .metadata({ permission: "issue.write" })
  .inputSchema(formSchema(acceptHandoffSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => acceptHandoff(ctx.actor, clientInput));
