import "server-only";
import { AppError, isUniqueViolation } from "@/lib/server/errors";

/**
 * Turns a unique violation on a region's or park's name or code into the field error the
 * forms and the API show (`noun` is 市州 or 园区); anything else is rethrown.
 */
export function rethrowDuplicate(e: unknown, noun: "市州" | "园区", data: { name?: string; code?: string }): never {
  if (isUniqueViolation(e)) {
    const target = String((e as { meta?: { target?: unknown } }).meta?.target ?? "");
    const field = target.includes("code") ? "code" : "name";
    const message = field === "code" ? `${noun}代码「${data.code}」已被使用` : `${noun}「${data.name}」已存在`;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
  throw e;
}
