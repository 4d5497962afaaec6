import { notFound } from "next/navigation";
import { type Actor, type Permission, can } from "@/lib/domain/permissions";
import { isAppError } from "@/lib/server/errors";

/** Pages: a record outside the actor's scope, or a page their role may not see, is a 404. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) notFound();
}
