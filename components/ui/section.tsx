import { useId } from "react";

/**
 * A white titled panel: a heading, optional actions on the heading's right, the body.
 * `labelled` names the section by its heading (making it a region landmark); leave it off
 * where the page did not announce the panel as one.
 */
export function Section({
  title,
  actions,
  children,
  headingLevel = 2,
  labelled = false,
  className = "",
  titleClassName = "text-sm font-semibold text-slate-700",
  testId,
  "aria-label": ariaLabel,
}: {
  title?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  headingLevel?: 2 | 3;
  labelled?: boolean;
  className?: string;
  titleClassName?: string;
  testId?: string;
  "aria-label"?: string;
}) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const heading = title ? (
    <Heading id={labelled ? id : undefined} className={titleClassName}>
      {title}
    </Heading>
  ) : null;
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`} data-testid={testId} aria-labelledby={labelled && title ? id : undefined} aria-label={ariaLabel}>
      {heading && actions ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : heading ? (
        <div className="mb-3">{heading}</div>
      ) : null}
      {children}
    </section>
  );
}

/** A white panel without a heading (a form or a figure on its own). */
export function Card({ children, className = "", testId }: { children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`} data-testid={testId}>
      {children}
    </div>
  );
}
