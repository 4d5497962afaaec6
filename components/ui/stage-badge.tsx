import { useTranslations } from "next-intl";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";

const STAGE_COLORS: Record<Stage, string> = {
  SIGNED: "bg-slate-100 text-slate-700",
  LANDED: "bg-sky-100 text-sky-800",
  STARTED: "bg-amber-100 text-amber-800",
  PRODUCING: "bg-emerald-100 text-emerald-800",
};

export function StageBadge({ stage, status }: { stage: Stage; status: ProjectStatus }) {
  const t = useTranslations("common.enum");
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${STAGE_COLORS[stage]}`}>{t(`stage.${stage}`)}</span>
      {status !== "ACTIVE" && (
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${status === "TERMINATED" ? "bg-red-100 text-red-700" : "bg-orange-100 text-orange-700"}`}>
          {t(`status.${status}`)}
        </span>
      )}
    </span>
  );
}
