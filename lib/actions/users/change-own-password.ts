"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { reissueSession } from "@/lib/auth/reissue-session";
import { changeOwnPassword } from "@/lib/server/users/passwords";
import { passwordChangeSchema } from "@/lib/validation/users";

/**
 * The account page: change one's own password (also the forced change after a reset). The
 * other sessions end; this one gets its cookie re-issued with the new session version.
 */
export const changeOwnPasswordAction = authActionClient
  .metadata({ permission: null, allowPasswordChange: true })
  .inputSchema(formSchema(passwordChangeSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const { sessionVersion } = await changeOwnPassword(ctx.actor, clientInput);
    await reissueSession(sessionVersion);
    return { changed: true };
  });
