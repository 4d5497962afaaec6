"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { assign } from "@/lib/server/assignments/assign";

export async function assignAction(input: unknown) {
  return runAction(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
    return assign(actor, input);
  });
}
