"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { saveParkPlans } from "@/lib/server/plans/save-park-plans";
import { parkPlansSaveSchema } from "@/lib/validation/year-plans";

/** The changed rows of a park's plan grid, saved in one transaction (all or nothing). */
export const saveParkPlansAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(parkPlansSaveSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await saveParkPlans(ctx.actor, clientInput);
    revalidatePath("/plans");
    return result;
  });
