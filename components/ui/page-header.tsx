/**
 * A page's title, a grey line under it and its actions on the right (below on a phone).
 * On paper the title and subtitle print (they name the scope and period) and the actions
 * are for the page to mark `no-print`; a page that prints a document of its own (the
 * bulletin) hides the whole header there (globals.css).
 */
export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: React.ReactNode }) {
  return (
    <div className="page-header mb-5 flex flex-wrap items-end justify-between gap-3 sm:gap-4 print:mb-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold break-words text-slate-900 sm:text-2xl">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-500 print:text-slate-700">{subtitle}</p>}
      </div>
      {children}
    </div>
  );
}
