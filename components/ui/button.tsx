export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonTone = "neutral" | "danger" | "success" | "warning" | "muted";
export type ButtonSize = "sm" | "md";

/** Colours per variant; `tone` recolours a button whose meaning is not the default one. */
const COLORS: Record<ButtonVariant, Partial<Record<ButtonTone, string>> & { neutral: string }> = {
  primary: {
    neutral: "border border-transparent bg-brand-600 text-white hover:bg-brand-700",
    success: "border border-transparent bg-emerald-700 text-white hover:bg-emerald-800",
    danger: "border border-transparent bg-red-600 text-white hover:bg-red-700",
  },
  danger: { neutral: "border border-transparent bg-red-600 text-white hover:bg-red-700" },
  secondary: {
    neutral: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
    danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
    success: "border border-emerald-300 bg-white text-emerald-800 hover:bg-emerald-50",
    warning: "border border-amber-300 bg-white text-amber-800 hover:bg-amber-50",
  },
  ghost: {
    neutral: "text-slate-700 hover:bg-slate-100",
    danger: "text-red-700 hover:bg-red-50",
    muted: "text-slate-500 hover:bg-slate-100 hover:text-slate-800",
  },
  link: {
    neutral: "text-brand-600 hover:underline",
    danger: "text-red-600 hover:underline",
    muted: "text-slate-500 hover:underline",
  },
};

const SIZES: Record<ButtonVariant | "box", Record<ButtonSize, string>> = {
  box: { sm: "rounded px-3 py-1 text-xs", md: "rounded px-4 py-1.5 text-sm" },
  primary: { sm: "", md: "" },
  secondary: { sm: "", md: "" },
  danger: { sm: "", md: "" },
  ghost: { sm: "rounded px-2 py-0.5 text-xs", md: "rounded px-2 py-0.5 text-sm" },
  link: { sm: "text-xs", md: "text-sm" },
};

/**
 * The classes of a button, for the few places that style something else as one (a link
 * that looks like the page's main action).
 */
export function buttonClass({ variant = "primary", size = "md", tone = "neutral", className = "" }: { variant?: ButtonVariant; size?: ButtonSize; tone?: ButtonTone; className?: string } = {}): string {
  const colors = COLORS[variant];
  const shape = variant === "ghost" || variant === "link" ? SIZES[variant][size] : SIZES.box[size];
  return [shape, colors[tone] ?? colors.neutral, "disabled:cursor-not-allowed disabled:opacity-60", className].filter(Boolean).join(" ");
}

export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  tone?: ButtonTone;
  /** Work under way: the button is disabled until it ends. */
  pending?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
};

/**
 * The one button. `type` passes through as written: leave it out only where the button
 * should submit its form (the HTML default).
 */
export function Button({ variant = "primary", size = "md", tone = "neutral", pending = false, disabled, className, children, ...rest }: ButtonProps) {
  return (
    <button {...rest} disabled={disabled || pending} className={buttonClass({ variant, size, tone, className })}>
      {children}
    </button>
  );
}
