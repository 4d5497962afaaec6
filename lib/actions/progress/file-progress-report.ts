"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";
import { progressReportSchema } from "@/lib/validation/progress";

/** A project's month (月度填报): investment, funds, jobs, note. */
export const fileProgressReportAction = authActionClient
  .metadata({ permission: "progress.file" })
  .inputSchema(formSchema(progressReportSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await fileProgressReport(ctx.actor, clientInput);
    revalidatePath("/progress");
    revalidatePath(`/projects/${result.projectId}`);
    return result;
  });
