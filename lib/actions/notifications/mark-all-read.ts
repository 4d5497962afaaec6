"use server";

import { revalidatePath } from "next/cache";
import { authActionClient } from "@/lib/actions/safe-action";
import { markAllRead } from "@/lib/server/notifications/mark-all-read";

/** Marks all of the signed-in user's notifications read (see mark-read.ts on revalidating). */
export const markAllReadAction = authActionClient.metadata({ permission: null }).action(async ({ ctx }) => {
  const result = await markAllRead(ctx.actor);
  revalidatePath("/", "layout");
  return result;
});
