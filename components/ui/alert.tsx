const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
} as const;

/** A message box: success is green, warnings amber, errors red (announced to screen readers). */
export function Alert({ tone = "info", children, className = "", testId }: { tone?: keyof typeof TONES; children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} data-testid={testId} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
