import Link from "next/link";
import type { SupervisionStatus } from "@/lib/domain/supervision";
import { useNamespaceT } from "@/components/meetings/labels";

export interface LetterLink {
  id: number;
  code: string;
  status: SupervisionStatus;
  deadline: string;
  overdue: boolean;
}

/** A letter as a short link: 编号, status and the deadline, red when overdue. */
export function LetterLinkText({ l }: { l: LetterLink }) {
  // On the problems' pages and the red list: the supervision messages whatever provider is nearest.
  const t = useNamespaceT("supervision");
  return (
    <Link href={`/supervision/${l.id}`} className={`hover:underline ${l.overdue ? "font-medium text-red-700" : "text-brand-600"}`}>
      {l.code} {t(`status.${l.status}`)}
      {l.overdue ? t("links.overdue", { deadline: l.deadline }) : l.status === "CLOSED" ? "" : t("links.deadline", { deadline: l.deadline })}
    </Link>
  );
}

/** The red list's 督办 cell: the open letters on the project, or 下发督办函 for someone who may issue one. */
export function RedRowSupervision({ letters, projectId, canIssue }: { letters: LetterLink[]; projectId: number; canIssue: boolean }) {
  const t = useNamespaceT("supervision");
  if (letters.length > 0) {
    return (
      <ul className="space-y-0.5 text-xs" data-testid="red-row-supervision">
        {letters.map((l) => (
          <li key={l.id}>
            <LetterLinkText l={l} />
          </li>
        ))}
      </ul>
    );
  }
  if (!canIssue) return <span className="text-xs text-slate-400">{t("links.none")}</span>;
  return (
    <Link href={`/supervision/new?projectId=${projectId}`} className="no-print whitespace-nowrap text-xs text-brand-600 hover:underline">
      {t("links.issue")}
    </Link>
  );
}

/** A problem's 督办 box: its letters and, for a leader on an overdue open problem without an open letter, 下发督办函. */
export function IssueSupervisionBox({ letters, issueId, canIssue }: { letters: LetterLink[]; issueId: number; canIssue: boolean }) {
  const t = useNamespaceT("supervision");
  const hasOpen = letters.some((l) => l.status !== "CLOSED");
  if (letters.length === 0 && !canIssue) return null;
  return (
    <section className="mb-5" data-testid="issue-supervision">
      <h2 className="mb-2 text-lg font-semibold">{t("links.heading")}</h2>
      {letters.length > 0 && (
        <ul className="mb-2 space-y-1 text-sm">
          {letters.map((l) => (
            <li key={l.id}>
              <LetterLinkText l={l} />
            </li>
          ))}
        </ul>
      )}
      {canIssue && !hasOpen && (
        <Link href={`/supervision/new?issueId=${issueId}`} className="no-print inline-block rounded border border-red-600 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
          {t("links.issue")}
        </Link>
      )}
    </section>
  );
}
