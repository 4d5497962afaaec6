"use server";

import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { mergeEnterprises } from "@/lib/server/enterprises/merge-enterprises";

/** A park leader folds a duplicate enterprise into the record that survives. */
export async function mergeEnterprisesAction(input: unknown) {
  return runAction(async () => mergeEnterprises(await actionActor(), input));
}
