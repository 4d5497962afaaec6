"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createEnterprise } from "@/lib/server/enterprises/create-enterprise";
import { enterpriseCreateSchema } from "@/lib/validation/enterprises";

/** The new-enterprise form; lib/server validates, authorizes and audits. */
export const createEnterpriseAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(enterpriseCreateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => createEnterprise(ctx.actor, clientInput));
