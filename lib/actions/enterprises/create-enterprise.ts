"use server";

import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { createEnterprise } from "@/lib/server/enterprises/create-enterprise";

/** The new-enterprise form; lib/server validates, authorizes and audits. */
export async function createEnterpriseAction(input: unknown) {
  return runAction(async () => createEnterprise(await actionActor(), input));
}
