"use server";

import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { endAssignment } from "@/lib/server/enterprises/end-assignment";

/** Ends an enterprise's 包保责任人 or 包保领导 without naming a successor. */
export async function endAssignmentAction(input: unknown) {
  return runAction(async () => endAssignment(await actionActor(), input));
}
