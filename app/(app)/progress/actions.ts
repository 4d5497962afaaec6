"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";
import { setYearPlan } from "@/lib/server/progress/set-year-plan";

// Thin adapters: lib/server validates with the shared zod schemas and checks role and park.

async function actor() {
  const a = await getActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return a;
}

export async function fileProgressReportAction(input: unknown) {
  return runAction(async () => {
    const result = await fileProgressReport(await actor(), input);
    revalidatePath("/progress");
    revalidatePath(`/projects/${result.projectId}`);
    return result;
  });
}

export async function setYearPlanAction(input: unknown) {
  return runAction(async () => {
    const result = await setYearPlan(await actor(), input);
    const id = (input as { projectId?: unknown } | null)?.projectId;
    if (id) revalidatePath(`/projects/${Number(id)}`);
    return result;
  });
}
