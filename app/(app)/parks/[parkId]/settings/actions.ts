"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { updateParkSettings } from "@/lib/server/parks/park-settings";

export async function updateParkSettingsAction(parkId: number, input: unknown) {
  return runAction(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
    return updateParkSettings(actor, parkId, input);
  });
}
