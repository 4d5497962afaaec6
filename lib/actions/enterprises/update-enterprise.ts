"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updateEnterprise } from "@/lib/server/enterprises/update-enterprise";
import { enterpriseUpdateSchema } from "@/lib/validation/enterprises";
import { idField } from "@/lib/validation/fields";

/** The enterprise edit form: (enterprise id, fields with the version read). */
export const updateEnterpriseAction = authActionClient
  .metadata({ permission: "project.write" })
  .bindArgsSchemas([formSchema(idField("企业"))])
  .inputSchema(formSchema(enterpriseUpdateSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [id], ctx }) => updateEnterprise(ctx.actor, id, clientInput));
