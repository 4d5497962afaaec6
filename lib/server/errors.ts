import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { fieldErrors } from "@/lib/validation/project";

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

/** Parses `input` with `schema`, or throws the VALIDATION error the forms and the API show per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "请检查标红的字段", fieldErrors(parsed.error));
  return parsed.data;
}

/** A unique constraint refused the write (a concurrent or duplicate insert). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
