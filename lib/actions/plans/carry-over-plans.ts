"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { commitCarryOver } from "@/lib/server/plans/carry-over";
import { carryOverCommitSchema, carryOverSchema } from "@/lib/validation/year-plans";

/** 结转: the park's unfinished plans of a year into the next, exactly as the confirmed preview listed them. */
export const carryOverPlansAction = authActionClient
  .metadata({ permission: "project.write" })
  .inputSchema(formSchema(carryOverSchema.extend(carryOverCommitSchema.shape)), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await commitCarryOver(ctx.actor, clientInput);
    revalidatePath("/plans", "layout");
    return result;
  });
