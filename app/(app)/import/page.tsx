import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { notFound } from "next/navigation";
import { can } from "@/lib/domain/permissions";
import { MAX_IMPORT_ROWS } from "@/lib/server/excel/parse-ledger-workbook";
import { templateWords } from "@/lib/server/excel/ledger-english";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerImport } from "@/components/import/ledger-import";
import { ProgressImport } from "@/components/import/progress-import";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("importLedger");
  return { title: t("title") };
}

export default async function ImportPage() {
  const actor = await requireActor();
  const ledger = can(actor, "project.write");
  const progress = can(actor, "progress.file");
  if (!ledger && !progress) notFound();
  const [t, locale] = await Promise.all([getT("importLedger"), getRequestLocale()]);
  // The names the template downloads with (it follows the reader's language); 投资主体 is the name old Chinese ledgers use.
  const words = templateWords(locale);
  const template = {
    guide: words.t("guideSheet"),
    code: words.header("code"),
    park: words.header("park"),
    name: words.header("name"),
    investor: locale === "zh-CN" ? "投资主体" : words.header("enterpriseName"),
  };
  return (
    <ClientMessages locale={locale} namespaces={["importLedger"]}>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        {ledger && <LedgerImport maxRows={MAX_IMPORT_ROWS} template={template} />}
        {progress && <ProgressImport />}
      </div>
    </ClientMessages>
  );
}
