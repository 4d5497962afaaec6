const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

type Tone = keyof typeof TONES;

/** The role a tone is announced with: info and success politely, warnings and errors at once. */
export function alertRole(tone: Tone): "status" | "alert" {
  return tone === "error" || tone === "warning" ? "alert" : "status";
}

/**
 * A message box: info blue, success green, warnings amber, errors red. Info and success are
 * role="status", warnings and errors role="alert"; `role` overrides that where a page
 * announced the message differently before (a warning that only informs). Other
 * attributes (data-testid, id, aria-*) pass through.
 */
export function Alert({
  tone = "info",
  children,
  className = "",
  testId,
  role,
  silent = false,
  as: Tag = "div",
  ...rest
}: {
  tone?: Tone;
  children: React.ReactNode;
  className?: string;
  testId?: string;
  role?: "status" | "alert";
  /** No live role: a standing note that is part of the content, not a message that appears. */
  silent?: boolean;
  /** The element: a <p> where the message sits in running text. */
  as?: "div" | "p";
} & Omit<React.HTMLAttributes<HTMLElement>, "role" | "className" | "children">) {
  return (
    <Tag data-testid={testId} {...rest} role={silent ? undefined : (role ?? alertRole(tone))} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </Tag>
  );
}
