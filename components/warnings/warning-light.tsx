import { useTranslations } from "next-intl";
import { type Light, type LightKind, type LightResult } from "@/lib/domain/warnings";

// Colour plus a shape and a word, so the light reads in print and without colour vision.
// The box's colours are the light-<LIGHT> classes of app/globals.css (one class per badge:
// lights repeat dozens of times on the board and the lists).
const STYLE: Record<Light, { box: string; dot: string; mark: string }> = {
  GREEN: { box: "light-GREEN", dot: "bg-emerald-500", mark: "●" },
  YELLOW: { box: "light-YELLOW", dot: "bg-amber-400", mark: "▲" },
  RED: { box: "light-RED", dot: "bg-red-600", mark: "■" },
};

export type LightSummary = Pick<LightResult, "overall" | "start" | "progress" | "filing" | "reasons">;

/** The overall light of a project as a small badge; the reasons (already in the page's language: lightIn) are in the tooltip. */
export function WarningLight({ light, size = "sm" }: { light: LightSummary | null | undefined; size?: "sm" | "md" }) {
  const t = useTranslations("warnings.light");
  const tc = useTranslations("common.enum");
  if (!light || light.overall === null) {
    return (
      <span className="text-xs text-slate-400" title={t("noneTitle")} data-light="none">
        {t("none")}
      </span>
    );
  }
  const s = STYLE[light.overall];
  const title = light.reasons.length > 0 ? light.reasons.join("\n") : t("allNormal");
  return (
    <span
      className={`light-badge ${s.box} ${size === "md" ? "px-2 py-1 text-sm" : "px-1.5 py-0.5 text-xs"}`}
      title={title}
      aria-label={t("aria", { light: tc(`light.${light.overall}`), reasons: title })}
      data-testid="warning-light"
      data-light={light.overall}
    >
      <span aria-hidden className={`light-dot ${s.dot}`} />
      <span aria-hidden className="hidden print:inline">
        {s.mark}
      </span>
      {tc(`light.${light.overall}`)}
    </span>
  );
}

/** One rule's light, labelled with the rule's name ("开工 红灯"). */
export function RuleLight({ kind, light }: { kind: LightKind; light: Light | null }) {
  const tc = useTranslations("common.enum");
  if (light === null) return <span className="text-xs text-slate-400">{tc(`lightKind.${kind}`)} —</span>;
  const s = STYLE[light];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs ${s.box}`} data-rule={kind} data-light={light}>
      <span aria-hidden>{s.mark}</span>
      {tc(`lightKind.${kind}`)} {tc(`light.${light}`)}
    </span>
  );
}

/** The three rules and the reasons, for a project page. */
export function LightDetails({ light }: { light: LightSummary | null }) {
  if (!light) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="light-details">
      <div className="flex flex-wrap items-center gap-2">
        <WarningLight light={light} size="md" />
        <RuleLight kind="start" light={light.start} />
        <RuleLight kind="progress" light={light.progress} />
        <RuleLight kind="filing" light={light.filing} />
      </div>
      {light.reasons.length > 0 && (
        <ul className="list-inside list-disc text-xs text-slate-600">
          {light.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
