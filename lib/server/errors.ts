import "server-only";
import { ZodError, type z } from "zod";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { logger } from "@/lib/server/logger";
import { fieldErrors } from "@/lib/validation/field-errors";
import { CalendarMissingError } from "@/lib/domain/working-days";

// The one error class. What a caller can cause carries a code and a Chinese message that
// names the field and the rule; anything else is a bug. Each transport turns it into its
// own shape in one place: server actions in lib/actions/safe-action.ts, the REST API in
// lib/api/errors.ts, pages in lib/auth/guards.ts (orNotFound), file downloads, uploads and
// attachments in the reader's language with `errorText`/`errorJson`/`signInFirst`
// (lib/server/excel/excel-response.ts).

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "INTERNAL";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const INTERNAL_MESSAGE = "服务器处理出错，请稍后重试；如果问题持续，请联系系统管理员";

/** An error as a form shows it (the failure half of a server action's result). */
export interface ActionError {
  code: AppErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toActionError(): ActionError {
    return { code: this.code, message: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) };
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或无权查看`);
export const forbidden = (what = "此操作") => new AppError("FORBIDDEN", `您没有权限执行${what}`);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Any thrown value as an AppError. A ZodError that escaped parsing is the caller's invalid
 * input, a CalendarMissingError a deadline that needs a holiday calendar not entered yet
 * (both VALIDATION); anything else is a bug: logged with its stack (`where` says which door it came
 * through) and answered with the generic INTERNAL message, never the stack.
 */
export function toAppError(e: unknown, where: string): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) return validationError(fieldErrors(e));
  // A working-day deadline reached a year whose holiday calendar is not entered yet.
  if (e instanceof CalendarMissingError) return new AppError("VALIDATION", e.message);
  logger.error({ err: e, where }, "unexpected error");
  return new AppError("INTERNAL", INTERNAL_MESSAGE);
}

/** A VALIDATION error for per-field messages: the one message itself when there is just one. */
export function validationError(errors: Record<string, string[]>): AppError {
  const all = [...new Set(Object.values(errors).flat())];
  return new AppError("VALIDATION", all.length === 1 ? all[0] : "请检查标红的字段", errors);
}

/**
 * Parses `input` with `schema`, or throws the VALIDATION error the forms and the API show
 * per field. `field` names a scalar input (a date, a list of ids), so its message lands on
 * that field instead of the whole form.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error);
  if (field && errors._form) {
    errors[field] = [...(errors[field] ?? []), ...errors._form];
    delete errors._form;
  }
  throw validationError(errors);
}

/** A unique constraint refused the write (a concurrent or duplicate insert). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
