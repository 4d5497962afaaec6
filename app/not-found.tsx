import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT("shell");
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-5xl font-semibold text-slate-400">404</p>
      <h1 className="mt-4 text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="mt-2 text-sm text-slate-500">{t("notFound.hint")}</p>
      <Link href="/parks" className={buttonClass({ className: "mt-6 inline-block" })}>
        {t("notFound.back")}
      </Link>
    </main>
  );
}
