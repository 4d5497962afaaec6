"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createVisit } from "@/lib/server/visits/create-visit";
import { createVisitSchema } from "@/lib/validation/issues";

/** A 走访 record, with the problems raised on it. */
export const createVisitAction = authActionClient
  .metadata({ permission: "issue.write" })
  .inputSchema(formSchema(createVisitSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => createVisit(ctx.actor, clientInput));
