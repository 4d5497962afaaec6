import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { authOptions } from "./options";

/**
 * Whoever holds a valid session for this request (memoised per request), including someone
 * who still has to replace a temporary password; null when anonymous, disabled, or the
 * session was issued before the user's sessions were ended (its version is stale).
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  return loadActor(getDb(), id, { sessionVersion: session?.user?.sv ?? 0 });
});

/**
 * The signed-in actor who may work, or null. Someone on a temporary password counts as not
 * signed in here, so every action and route that uses this refuses them until they choose
 * a new password.
 */
export async function getActor(): Promise<Actor | null> {
  const actor = await getSessionActor();
  return actor && !actor.mustChangePassword ? actor : null;
}

export const PASSWORD_CHANGE_PATH = "/account";

/**
 * The signed-in actor; anonymous or disabled users go to the sign-in page, and someone
 * signed in with a temporary password goes to choose a new one (the account page passes
 * `allowPasswordChange`).
 */
export async function requireActor(opts: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !opts.allowPasswordChange) redirect(`${PASSWORD_CHANGE_PATH}?must=1`);
  return actor;
}
