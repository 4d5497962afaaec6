"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { markRead } from "@/lib/server/notifications/mark-read";
import { markAllRead } from "@/lib/server/notifications/mark-all-read";

async function actorOrThrow() {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return actor;
}

// Revalidating the layout makes the action's response carry the re-rendered shell, so the
// bell's count is right at once, also on the page a notification's link leads to (a
// client navigation keeps the shared layout it already has).

/** Marks some of the signed-in user's notifications read. */
export async function markReadAction(ids: unknown) {
  return runAction(async () => {
    const result = await markRead(await actorOrThrow(), ids);
    revalidatePath("/", "layout");
    return result;
  });
}

/** Marks all of the signed-in user's notifications read. */
export async function markAllReadAction() {
  return runAction(async () => {
    const result = await markAllRead(await actorOrThrow());
    revalidatePath("/", "layout");
    return result;
  });
}
