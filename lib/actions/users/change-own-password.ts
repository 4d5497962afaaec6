"use server";

import { runAction } from "@/lib/auth/action";
import { reissueSession } from "@/lib/auth/reissue-session";
import { actionActor } from "@/lib/actions/session";
import { changeOwnPassword } from "@/lib/server/users/passwords";

/** The account page: change one's own password (also the forced change after a reset). */
export async function changeOwnPasswordAction(input: unknown) {
  return runAction(async () => {
    const actor = await actionActor({ allowPasswordChange: true });
    const { sessionVersion } = await changeOwnPassword(actor, input);
    await reissueSession(sessionVersion);
    return { changed: true };
  });
}
