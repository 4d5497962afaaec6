"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { markRead } from "@/lib/server/notifications/mark-read";
import { notificationIdsSchema } from "@/lib/validation/issues";

// Revalidating the layout makes the action's response carry the re-rendered shell, so the
// bell's count is right at once, also on the page a notification's link leads to (a
// client navigation keeps the shared layout it already has).

/** Marks some of the signed-in user's own notifications read. */
export const markReadAction = authActionClient
  .metadata({ permission: null })
  .inputSchema(formSchema(notificationIdsSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await markRead(ctx.actor, clientInput);
    revalidatePath("/", "layout");
    return result;
  });
