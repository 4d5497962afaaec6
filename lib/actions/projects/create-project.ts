"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createProject } from "@/lib/server/projects/create-project";
import { projectCreateSchema } from "@/lib/validation/project";

/** The new-project form; lib/server checks the park, numbers the project and audits. */
export const createProjectAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(projectCreateSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => createProject(ctx.actor, clientInput));
