import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { MAX_IMPORT_ROWS } from "@/lib/server/excel/parse-ledger-workbook";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerImport } from "@/components/import/ledger-import";

export const metadata: Metadata = { title: "台账导入" };

export default async function ImportPage() {
  const actor = await requireActor();
  requirePermission(actor, "project.write");
  return (
    <>
      <PageHeader title="台账导入" subtitle="把 Excel 台账中的项目批量录入系统：先检查，确认无误后一次性写入" />
      <LedgerImport maxRows={MAX_IMPORT_ROWS} />
    </>
  );
}
