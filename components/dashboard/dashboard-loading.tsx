import { useTranslations } from "next-intl";

/** What the dashboard shows while its figures are computed (they stream in after the header and the form). */
export function DashboardLoading() {
  const t = useTranslations("dashboard");
  return (
    <div aria-busy="true" aria-live="polite" className="mb-5 rounded-lg border border-slate-200 bg-white p-4" data-testid="dashboard-loading">
      <p className="text-sm text-slate-500">{t("loading")}</p>
      <div aria-hidden className="mt-3 grid animate-pulse grid-cols-2 gap-3 md:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-16 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
