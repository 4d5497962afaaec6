import { getSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/server/errors";
import { type Actor } from "@/lib/domain/permissions";

/**
 * The signed-in actor for a server action; a lost session is a user-facing error, not a
 * redirect. Someone still on a temporary password may only change it (`allowPasswordChange`).
 */
export async function actionActor(opts: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  if (actor.mustChangePassword && !opts.allowPasswordChange) throw new AppError("FORBIDDEN", "请先修改临时密码，再进行其他操作");
  return actor;
}
