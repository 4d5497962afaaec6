"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { requestProgressCorrection } from "@/lib/server/progress/request-progress-correction";
import { correctionRequestSchema } from "@/lib/validation/published-bulletins";

/** Asks a park leader to let a closed month's report be filed or corrected. */
export const requestProgressCorrectionAction = authActionClient
  .metadata({ permission: "progress.file" })
  .inputSchema(formSchema(correctionRequestSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await requestProgressCorrection(ctx.actor, clientInput);
    revalidatePath("/progress", "layout");
    return result;
  });
