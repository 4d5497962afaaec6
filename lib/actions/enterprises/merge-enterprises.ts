"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { mergeEnterprises } from "@/lib/server/enterprises/merge-enterprises";
import { enterpriseMergeSchema } from "@/lib/validation/enterprises";

/** A park leader folds a duplicate enterprise into the record that survives. */
export const mergeEnterprisesAction = authActionClient
  .metadata({ permission: "project.correct" })
  .inputSchema(formSchema(enterpriseMergeSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => mergeEnterprises(ctx.actor, clientInput));
