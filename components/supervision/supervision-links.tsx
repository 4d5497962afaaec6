import Link from "next/link";
import { SUPERVISION_STATUS_LABELS, type SupervisionStatus } from "@/lib/domain/supervision";

export interface LetterLink {
  id: number;
  code: string;
  status: SupervisionStatus;
  deadline: string;
  overdue: boolean;
}

/** A letter as a short link: 编号, status and the deadline, red when overdue. */
export function LetterLinkText({ l }: { l: LetterLink }) {
  return (
    <Link href={`/supervision/${l.id}`} className={`hover:underline ${l.overdue ? "font-medium text-red-700" : "text-brand-600"}`}>
      {l.code} {SUPERVISION_STATUS_LABELS[l.status]}
      {l.overdue ? `，${l.deadline} 已超期` : l.status === "CLOSED" ? "" : `，时限 ${l.deadline}`}
    </Link>
  );
}

/** The red list's 督办 cell: the open letters on the project, or 下发督办函 for someone who may issue one. */
export function RedRowSupervision({ letters, projectId, canIssue }: { letters: LetterLink[]; projectId: number; canIssue: boolean }) {
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
  if (!canIssue) return <span className="text-xs text-slate-400">未督办</span>;
  return (
    <Link href={`/supervision/new?projectId=${projectId}`} className="no-print whitespace-nowrap text-xs text-brand-600 hover:underline">
      下发督办函
    </Link>
  );
}

/** A problem's 督办 box: its letters and, for a leader on an overdue open problem without an open letter, 下发督办函. */
export function IssueSupervisionBox({ letters, issueId, canIssue }: { letters: LetterLink[]; issueId: number; canIssue: boolean }) {
  const hasOpen = letters.some((l) => l.status !== "CLOSED");
  if (letters.length === 0 && !canIssue) return null;
  return (
    <section className="mb-5" data-testid="issue-supervision">
      <h2 className="mb-2 text-lg font-semibold">督办</h2>
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
          下发督办函
        </Link>
      )}
    </section>
  );
}
