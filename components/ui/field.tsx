import { Children, cloneElement, isValidElement, useId } from "react";

/** The props a render-prop control gets: its id (the label's htmlFor), the field's name and the error links. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

type ControlElement = React.ReactElement<{ id?: string; name?: string; "aria-invalid"?: unknown; "aria-describedby"?: string }>;

/**
 * A field's error messages, one line for all of them, with the id the control's
 * aria-describedby points at. `data-field-error` names the field (tests and
 * focusFirstInvalid find errors by it).
 */
export function FieldMessages({ id, name, messages }: { id?: string; name: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="mt-1 block text-xs text-red-600" data-field-error={name}>
      {messages.join("；")}
    </span>
  );
}

/**
 * A label, one control, an optional hint and the field's errors. The label is bound to the
 * control by htmlFor/id; the control gets aria-invalid while it has errors and
 * aria-describedby pointing at the hint and the errors. The control is either the single
 * child element (id and the aria props are added to it; an id or aria-describedby it has
 * already is kept; its `name` stays its own, `name` here only finds the errors) or a
 * render prop receiving them; anything else is rendered as given, with `id`
 * naming the control the label is for.
 */
export function Field({
  label,
  name,
  errors,
  hint,
  required = false,
  compact = false,
  id: idProp,
  className = "",
  labelClassName = "",
  children,
}: {
  label: React.ReactNode;
  name: string;
  errors?: Record<string, string[]>;
  hint?: React.ReactNode;
  /** Shows the red asterisk after the label (the control's own `required` is the caller's). */
  required?: boolean;
  /** Small print, for the little forms inside a panel's row. */
  compact?: boolean;
  /** The control's id when the caller needs a stable one; otherwise one is made up. */
  id?: string;
  className?: string;
  labelClassName?: string;
  children: React.ReactNode | ((control: FieldControlProps) => React.ReactNode);
}) {
  const autoId = useId();
  const single = typeof children !== "function" && Children.count(children) === 1 ? Children.toArray(children)[0] : null;
  const element = isValidElement(single) ? (single as ControlElement) : null;
  const id = element?.props.id ?? idProp ?? autoId;
  const messages = errors?.[name] ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length > 0 ? `${id}-error` : undefined;
  const describedBy = [element?.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control: FieldControlProps = { id, name, "aria-invalid": messages.length > 0 || undefined, "aria-describedby": describedBy };

  let body: React.ReactNode;
  if (typeof children === "function") body = children(control);
  else if (element)
    body = cloneElement(element, {
      id,
      "aria-invalid": element.props["aria-invalid"] ?? control["aria-invalid"],
      "aria-describedby": describedBy,
    });
  else body = children;

  return (
    <div className={`${compact ? "text-xs text-slate-600" : "text-sm text-slate-700"} ${className}`}>
      <label htmlFor={id} className={labelClassName || undefined}>
        {label}
        {required && <span className="text-red-600"> *</span>}
      </label>
      {body}
      {hint && (
        <span id={hintId} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      )}
      <FieldMessages id={errorId} name={name} messages={messages} />
    </div>
  );
}
