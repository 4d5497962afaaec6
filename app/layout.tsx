import type { Metadata } from "next";
import { connection } from "next/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { getT } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("description"),
    icons: ICONS,
  };
}

const ICONS: Metadata["icons"] = {
  icon: [
    { url: "/icon.svg", type: "image/svg+xml" },
    { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
  ],
  apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the proxy's CSP carries a fresh script nonce, which
  // Next can only put on the scripts of a page it renders now (proxy.ts).
  await connection();
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ClientMessages locale={locale}>{children}</ClientMessages>
      </body>
    </html>
  );
}
