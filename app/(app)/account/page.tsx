import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/server/users/list-users";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { PasswordForm } from "@/components/account/password-form";
import { Section } from "@/components/ui/section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requireActor({ allowPasswordChange: true });
  const me = await getOwnAccount(actor);
  const must = me.mustChangePassword;
  const [t, tc, locale] = await Promise.all([getT("account"), getT("common"), getRequestLocale()]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={`${me.name} (${me.username})`} />
      {must && (
        <Alert tone="warning" className="mb-5" testId="must-change-password">
          {t("temporaryPassword")}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={must ? t("setPassword") : t("changePassword")}>
          <ClientMessages locale={locale} namespaces={["account"]}>
            <PasswordForm mustChange={must} />
          </ClientMessages>
        </Section>
        <Section title={t("info")} className="text-sm">
          <dl className="grid grid-cols-[7rem_1fr] gap-y-2">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd>{me.name}</dd>
            <dt className="text-slate-500">{t("unit")}</dt>
            <dd>{[me.unit, me.title].filter(Boolean).join(" / ") || "—"}</dd>
            <dt className="text-slate-500">{t("phone")}</dt>
            <dd className="tabular-nums">{me.phone ?? "—"}</dd>
            <dt className="text-slate-500">{t("roles")}</dt>
            <dd>
              {me.memberships.map((m) => (
                <div key={m.id}>
                  {tc(`enum.role.${m.role}`)}
                  {m.park ? ` · ${m.park.name}` : m.region ? ` · ${m.region.name}` : ` · ${t("allParks")}`}
                </div>
              ))}
            </dd>
            <dt className="text-slate-500">{t("lastLogin")}</dt>
            <dd>{me.lastLoginAt ? formatDateTimeIn(locale, me.lastLoginAt) : "—"}</dd>
            <dt className="text-slate-500">{t("passwordChanged")}</dt>
            <dd>{me.passwordChangedAt ? formatDateTimeIn(locale, me.passwordChangedAt) : "—"}</dd>
          </dl>
          <p className="mt-4 text-xs text-slate-500">{t("maintainedBy")}</p>
        </Section>
        <Section title={t("language")} className="text-sm" testId="account-language">
          <LocaleSwitcher tone="light" />
          <p className="mt-2 text-xs text-slate-500">{t("languageHint")}</p>
        </Section>
      </div>
    </>
  );
}
