"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updateProject } from "@/lib/server/projects/update-project";
import { idField } from "@/lib/validation/fields";
import { projectUpdateSchema } from "@/lib/validation/project";

/** The edit form: (project id, fields with the version read). A stale version is a CONFLICT. */
export const updateProjectAction = authActionClient
  .metadata({ permission: "project.write" })
  .bindArgsSchemas([formSchema(idField("项目"))])
  .inputSchema(formSchema(projectUpdateSchema), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [id], ctx }) => updateProject(ctx.actor, id, clientInput));
