import { isAppError } from "@/lib/server/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a server action's work and turns a user-caused AppError into a result the form can
 * show (message + per-field errors). Anything else is a bug: logged, and the user gets a
 * generic message instead of a stack trace.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    console.error("[action] unexpected error", e);
    return { ok: false, code: "INTERNAL", message: "服务器处理出错，请稍后重试；如果问题持续，请联系系统管理员" };
  }
}
