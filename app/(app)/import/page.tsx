import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { notFound } from "next/navigation";
import { can } from "@/lib/domain/permissions";
import { MAX_IMPORT_ROWS } from "@/lib/server/excel/parse-ledger-workbook";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerImport } from "@/components/import/ledger-import";
import { ProgressImport } from "@/components/import/progress-import";

export const metadata: Metadata = { title: "台账导入" };

export default async function ImportPage() {
  const actor = await requireActor();
  const ledger = can(actor, "project.write");
  const progress = can(actor, "progress.file");
  if (!ledger && !progress) notFound();
  return (
    <>
      <PageHeader title="台账导入" subtitle="把 Excel 台账中的项目批量录入或更新到系统，按月导入月报：先检查，确认无误后一次性写入" />
      <div className="space-y-6">
        {ledger && <LedgerImport maxRows={MAX_IMPORT_ROWS} />}
        {progress && <ProgressImport />}
      </div>
    </>
  );
}
