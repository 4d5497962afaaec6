"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { setYearPlan } from "@/lib/server/progress/set-year-plan";
import { yearPlanSchema } from "@/lib/validation/progress";

/** A project's planned investment for one year (年度计划投资). */
export const setYearPlanAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(yearPlanSchema), shapeErrors)
  .action(async ({ clientInput, parsedInput, ctx }) => {
    const result = await setYearPlan(ctx.actor, clientInput);
    revalidatePath(`/projects/${parsedInput.projectId}`);
    return result;
  });
