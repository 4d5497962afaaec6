import "server-only";
import { headers } from "next/headers";
import { ActionBindArgsValidationError, createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { getSessionActor } from "@/lib/auth/session";
import { type Actor, PERMISSIONS, can } from "@/lib/domain/permissions";
import { AppError, type ActionError, forbidden, notFound, toAppError } from "@/lib/server/errors";
import { logger, requestIdFrom, withRequestId } from "@/lib/server/logger";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/server-messages";
import { fieldErrorsFromFormatted } from "./result";

// The one way to declare a server action (the pattern of Dub's lib/actions/safe-action.ts):
//
//   export const createProjectAction = authActionClient
//     .metadata({ permission: "project.write" })
//     .inputSchema(formSchema(projectFormSchema), shapeErrors)
//     .action(async ({ clientInput, ctx }) => createProject(ctx.actor, clientInput));
//
// The client signs the user in (a lost session or a temporary password is refused), checks
// that the role holds the declared permission somewhere (lib/server checks it again against
// the record's park, and audits), parses the input with the declared schema, and turns every
// error into the form's `{ code, message, fieldErrors }` in one place (handleServerError).
// lib/server receives the raw `clientInput` because it parses again with the same schema: the
// REST API calls the same functions with raw bodies, and parsing twice is idempotent on raw
// input where parsing a parsed value (dates, amounts) would not be.

const permission = z.enum(PERMISSIONS);

const metadataSchema = z.object({
  /** Held somewhere, any of them; null: any signed-in user (their own notifications, password). */
  permission: z.union([permission, z.array(permission).min(1), z.null()]),
  /** Someone on a temporary password may run it (only choosing a new password). */
  allowPasswordChange: z.boolean().optional(),
});

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  handleServerError: async (e): Promise<ActionError> => {
    // A bad id bound to the action (tampered page): the record "does not exist".
    const error = e instanceof ActionBindArgsValidationError ? notFound().toActionError() : toAppError(e, "action").toActionError();
    return inRequestLanguage(error);
  },
}).use(async ({ next }) => {
  // One log line per action, and the request id (nginx's X-Request-Id, else a new one) on
  // every line written while it runs. `action` is Next's id of the action (Next-Action header).
  const h = await headers();
  return withRequestId(requestIdFrom(h), async () => {
    const started = performance.now();
    const result = await next();
    const outcome = result.success ? "ok" : result.validationErrors ? "invalid" : ((result.serverError as ActionError | undefined)?.code ?? "error");
    logger.info({ action: h.get("next-action") ?? undefined, outcome, ms: Math.round(performance.now() - started) }, "server action");
    return result;
  });
});

export const authActionClient = actionClient.use(async ({ next, metadata }) => {
  const actor = await getSessionActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  if (actor.mustChangePassword && !metadata.allowPasswordChange) throw new AppError("FORBIDDEN", "请先修改临时密码，再进行其他操作");
  if (!holdsAny(actor, metadata.permission)) throw forbidden();
  return next({ ctx: { actor } });
});

function holdsAny(actor: Actor, wanted: z.infer<typeof metadataSchema>["permission"]): boolean {
  if (wanted === null) return true;
  return (Array.isArray(wanted) ? wanted : [wanted]).some((p) => can(actor, p));
}

/**
 * The declared schema's errors as the `{ "field.path": [messages] }` map lib/server's
 * VALIDATION errors carry, so a form shows both kinds the same way.
 */
export const shapeErrors = {
  handleValidationErrorsShape: async (errors: unknown) => translateFieldErrors(fieldErrorsFromFormatted(errors), await getRequestLocale())!,
};

/** An error in the reader's language: the server's Chinese messages put into English where known (docs/i18n.md). */
async function inRequestLanguage(error: ActionError): Promise<ActionError> {
  const locale = await getRequestLocale();
  if (locale === "zh-CN") return error;
  return { ...error, message: translateMessage(error.message, locale), ...(error.fieldErrors ? { fieldErrors: translateFieldErrors(error.fieldErrors, locale) } : {}) };
}

/** Ids in the path or a hidden field: a positive int4, else the record "does not exist". */
export const idSchema = z.coerce.number().int().min(1).max(2_147_483_647);

/**
 * A form's schema as the action's input: forms send what the user typed (strings, empty
 * fields), which the schema coerces and reports per field, so the input is typed `unknown`
 * for callers while the parsed value keeps the schema's output type.
 */
export function formSchema<S extends z.ZodType>(schema: S): z.ZodType<z.output<S>, unknown> {
  return schema as unknown as z.ZodType<z.output<S>, unknown>;
}
