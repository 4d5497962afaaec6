"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { bulkReassign } from "@/lib/server/assignments/bulk-reassign";

/** Hands every active assignment of one person (in the chosen park and role) to another. */
export async function bulkReassignAction(input: unknown) {
  return runAction(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
    const result = await bulkReassign(actor, input);
    revalidatePath("/coverage", "layout");
    return result;
  });
}
