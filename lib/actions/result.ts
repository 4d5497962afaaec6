// What a component gets back from a server action, in one shape: `{ ok: true, data }` or
// `{ ok: false, code, message, fieldErrors }`. Pure, so client components import it.

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

interface ActionFailure {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** The result next-safe-action returns, as declared by lib/actions/safe-action.ts. */
export interface SafeResult<T> {
  data?: T;
  serverError?: ActionFailure;
  /** Per-field messages (lib/actions/safe-action.ts shapes them); an action without input has none. */
  validationErrors?: Record<string, string[]> | object;
}

/** The outcome's own words (the forms pass them in the page's language). */
export interface OutcomeTexts {
  /** Several fields are wrong. */
  checkFields: string;
  /** The action answered nothing (the network or the server failed). */
  noResponse: string;
}

const CHINESE: OutcomeTexts = { checkFields: "请检查标红的字段", noResponse: "服务器没有响应，请稍后重试" };

/** A safe action's result as the `ActionResult` the forms and buttons handle. */
export function outcome<T>(result: SafeResult<T> | undefined, texts: OutcomeTexts = CHINESE): ActionResult<T> {
  if (result?.serverError) return { ok: false, ...result.serverError };
  if (result?.validationErrors) {
    const fieldErrors = result.validationErrors as Record<string, string[]>;
    const all = [...new Set(Object.values(fieldErrors).flat())];
    return { ok: false, code: "VALIDATION", message: all.length === 1 ? all[0] : texts.checkFields, fieldErrors };
  }
  if (!result) return { ok: false, code: "INTERNAL", message: texts.noResponse };
  return { ok: true, data: result.data as T };
}

/**
 * Standard Schema errors in next-safe-action's formatted shape (`{ _errors, field: { _errors } }`)
 * as `{ "field.path": [messages] }`, "_form" for the input as a whole: the shape lib/server's
 * VALIDATION errors carry.
 */
export function fieldErrorsFromFormatted(errors: unknown, prefix = "", out: Record<string, string[]> = {}): Record<string, string[]> {
  if (!errors || typeof errors !== "object") return out;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === "_errors") {
      if (Array.isArray(value) && value.length > 0) {
        const list = (out[prefix || "_form"] ??= []);
        for (const m of value) if (typeof m === "string" && !list.includes(m)) list.push(m);
      }
    } else {
      fieldErrorsFromFormatted(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}
