"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateParkAction } from "@/lib/actions/org/update-park";
import { updateRegionAction } from "@/lib/actions/org/update-region";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";

/** Archives or restores a park or region (never deletes it). */
export function ArchiveButton({ kind, id, archived }: { kind: "park" | "region"; id: number; archived: boolean }) {
  const router = useRouter();
  const { notice, pending, submit } = useActionForm();
  const t = useTranslations("admin.archive");
  const run = () =>
    submit(
      () => (kind === "park" ? updateParkAction(id, { archived: !archived }) : updateRegionAction(id, { archived: !archived })),
      () => {
        router.refresh();
        return archived ? t("restored", { kind }) : t("archivedNotice", { kind });
      },
    );
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {archived ? t("archivedText") : t("explain", { kind })}
      </p>
      <Button
        type="button"
        onClick={run}
        variant="secondary"
        tone={archived ? "success" : "warning"}
        pending={pending}
      >
        {archived ? t("restore", { kind }) : t("archive", { kind })}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
