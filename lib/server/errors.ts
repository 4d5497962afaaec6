// Errors a caller can cause, with a Chinese message that names the field and rule.
// Routes map them to 404/403/409/422 pages or responses; anything else is a bug.

export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "UNAUTHENTICATED" | "RATE_LIMITED";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  VALIDATION: 422,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或无权查看`);
export const forbidden = (what = "此操作") => new AppError("FORBIDDEN", `您没有权限执行${what}`);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
