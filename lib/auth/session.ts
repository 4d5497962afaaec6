import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { type Actor, loadActor } from "@/lib/server/actor";
import { authOptions } from "./options";

/** The signed-in actor for this request (memoised per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  return loadActor(getDb(), id);
});

/** The signed-in actor; anonymous or disabled users go to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
