"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";

async function actorOrThrow() {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return actor;
}

/** Creates a token; the whole token comes back once, for the page to show. */
export async function createApiTokenAction(input: unknown) {
  return runAction(async () => {
    const created = await createApiToken(await actorOrThrow(), input);
    revalidatePath("/admin/api-tokens");
    return created;
  });
}

export async function revokeApiTokenAction(id: unknown) {
  return runAction(async () => {
    const { revokedAt } = await revokeApiToken(await actorOrThrow(), id);
    revalidatePath("/admin/api-tokens");
    return { revokedAt: revokedAt.toISOString() };
  });
}
