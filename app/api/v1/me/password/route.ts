import { readJsonObject, withApi } from "@/lib/api/with-api";
import { changeOwnPassword } from "@/lib/server/users/passwords";

/**
 * POST /api/v1/me/password — the caller's own password. Every session of the caller ends,
 * this one included: sign in again with the new password.
 */
export const POST = withApi(
  async ({ actor, req }) => {
    await changeOwnPassword(actor, await readJsonObject(req));
    return { changed: true as const };
  },
  { permission: "park.read", sessionOnly: true, allowPasswordChange: true },
);
