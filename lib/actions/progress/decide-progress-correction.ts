"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { decideProgressCorrection } from "@/lib/server/progress/decide-progress-correction";
import { correctionDecisionSchema } from "@/lib/validation/published-bulletins";

/** A park leader approves (the report is written) or rejects (with a reason) a correction request. */
export const decideProgressCorrectionAction = authActionClient
  .metadata({ permission: "progress.approveCorrection" })
  .inputSchema(formSchema(correctionDecisionSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await decideProgressCorrection(ctx.actor, clientInput);
    revalidatePath("/progress", "layout");
    revalidatePath(`/projects/${result.projectId}`);
    revalidatePath("/bulletin", "layout");
    return result;
  });
