"use server";

import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { updateEnterprise } from "@/lib/server/enterprises/update-enterprise";

/** The enterprise edit form; an id that is not a positive integer is simply not found (in lib/server). */
export async function updateEnterpriseAction(id: number, input: unknown) {
  return runAction(async () => updateEnterprise(await actionActor(), Number(id), input));
}
