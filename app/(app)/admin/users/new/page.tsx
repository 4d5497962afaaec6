import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { listGrantOptions } from "@/lib/server/users/scope-options";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("newUser.title") };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  const options = await orNotFound(listGrantOptions(actor));
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  return (
    <>
      <PageHeader title={t("newUser.title")} subtitle={actor.isAdmin ? t("newUser.subtitleAdmin") : t("newUser.subtitleLeader")}>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">
          {t("newUser.back")}
        </Link>
      </PageHeader>
      <ClientMessages locale={locale} namespaces={["admin"]}>
        <CreateUserForm options={options} />
      </ClientMessages>
    </>
  );
}
