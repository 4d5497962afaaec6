import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { getUser } from "@/lib/server/users/list-users";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { adminScope } from "@/lib/server/users/user-scope";
import { membershipGrantProblem } from "@/lib/domain/user-admin";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { UserProfileForm } from "@/components/users/user-profile-form";
import { AccountControls } from "@/components/users/account-controls";
import { MembershipEditor } from "@/components/users/membership-editor";
import { Card, Section } from "@/components/ui/section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("user.metaTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [user, options] = await Promise.all([orNotFound(getUser(actor, id)), orNotFound(listGrantOptions(actor))]);
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  const scope = adminScope(actor);
  const memberships = user.memberships.map((m) => ({
    id: m.id,
    role: m.role,
    scopeName: m.park?.name ?? m.region?.name ?? t("user.allParks"),
    removable: membershipGrantProblem(scope, m) === null,
  }));
  return (
    <>
      <PageHeader title={t("user.heading", { name: user.name, username: user.username })} subtitle={user.isActive ? t("user.active") : t("user.disabled")}>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          {t("user.back")}
        </Link>
      </PageHeader>
      {!user.isActive && (
        <Alert tone="warning" className="mb-4">
          {t("user.disabledAlert")}
        </Alert>
      )}
      <ClientMessages locale={locale} namespaces={["admin"]}>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t("user.basicInfo")}>
          {user.manageable ? (
            <UserProfileForm user={user} />
          ) : (
            <p className="text-sm text-slate-600">{t("user.notManageable")}</p>
          )}
          <dl className="mt-4 grid grid-cols-[7rem_1fr] gap-y-1 text-sm text-slate-600">
            <dt>{t("user.lastLogin")}</dt>
            <dd>{user.lastLoginAt ? formatDateTimeIn(locale, user.lastLoginAt) : t("user.neverLoggedIn")}</dd>
            <dt>{t("user.password")}</dt>
            <dd>{user.mustChangePassword ? t("user.temporaryPassword") : user.passwordChangedAt ? t("user.passwordChangedAt", { time: formatDateTimeIn(locale, user.passwordChangedAt) }) : "—"}</dd>
            <dt>{t("user.createdAt")}</dt>
            <dd>{formatDateTimeIn(locale, user.createdAt)}</dd>
          </dl>
        </Section>
        <Card className="space-y-6">
          <div>
            <h2 className="mb-3 text-base font-semibold">{t("user.roles")}</h2>
            <MembershipEditor userId={user.id} memberships={memberships} options={options} />
          </div>
          {user.manageable && (
            <div>
              <h2 className="mb-3 text-base font-semibold">{t("user.passwordAndStatus")}</h2>
              <AccountControls user={user} />
            </div>
          )}
        </Card>
      </div>
      </ClientMessages>
    </>
  );
}
