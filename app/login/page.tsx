import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("auth"))("title") };
}

function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  // Only same-site paths: never bounce a user to another origin after sign-in.
  return v && v.startsWith("/") && !v.startsWith("//") ? v : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const [t, locale] = await Promise.all([getT("auth"), getRequestLocale()]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 to-brand-700 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-xl">
        <div className="-mr-3 -mt-4 mb-2 flex justify-end">
          <LocaleSwitcher tone="light" />
        </div>
        <h1 className="text-center text-xl font-semibold text-slate-900">{t("appName")}</h1>
        <p className="mt-1 text-center text-sm text-slate-500">{t("tagline")}</p>
        <ClientMessages locale={locale} namespaces={["auth"]}>
          <SignInForm callbackUrl={callbackUrl} />
        </ClientMessages>
      </div>
    </main>
  );
}
