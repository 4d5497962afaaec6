import { useTranslations } from "next-intl";

/**
 * The formula behind a figure, shown on hover and on keyboard focus (CSS only, so it
 * works in server components), and printed under the figure in the print view.
 */
export function FormulaTip({ formula, id }: { formula: string; id: string }) {
  const t = useTranslations("dashboard");
  return (
    <span className="group relative inline-block align-middle">
      <button
        type="button"
        aria-describedby={id}
        aria-label={t("cards.formulaTip")}
        className="no-print ml-1 inline-flex h-4 w-4 cursor-help items-center justify-center rounded-full border border-slate-400 text-[10px] leading-none text-slate-500 focus:outline-2 focus:outline-brand-600"
      >
        ?
      </button>
      <span
        id={id}
        role="tooltip"
        data-testid="formula-tip"
        className="absolute left-1/2 top-5 z-20 hidden w-64 max-w-[calc(100vw-2rem)] -translate-x-1/2 rounded bg-slate-800 px-3 py-2 text-xs font-normal leading-relaxed text-white shadow-lg group-focus-within:block group-hover:block print:hidden"
      >
        {formula}
      </span>
    </span>
  );
}
