"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { setProjectPlan } from "@/lib/server/plans/set-project-plan";
import { writeYearPlanSchema } from "@/lib/validation/year-plans";

/** A project's annual plan for any year, from the project page (blank amount and no flag: not in that year's plan). */
export const setProjectPlanAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(writeYearPlanSchema), shapeErrors)
  .action(async ({ clientInput, parsedInput, ctx }) => {
    const result = await setProjectPlan(ctx.actor, clientInput);
    revalidatePath(`/projects/${parsedInput.projectId}`);
    return { year: result.year, outcome: result.outcome };
  });
