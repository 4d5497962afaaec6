import Link from "next/link";
import { formatMoney } from "@/lib/domain/money";
import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import type { LiveDiff } from "@/lib/server/bulletin/compare-published";
import { Alert } from "@/components/ui/alert";

const MONEY = /（万元）$/;

/** "合同引资额" and "50.40 亿元" for a money count; the label as is and the number for the others. */
function shown(label: string, v: string): [string, string] {
  return MONEY.test(label) ? [label.replace(MONEY, ""), formatMoney(v)] : [label, v];
}

/**
 * The notice on a published month: today's figures differ from the published ones. Says
 * which counts moved (published → today), and lists the projects behind it with what
 * changed for each (entered or left a figure, ledger record or monthly report changed).
 */
export function LiveDiffNotice({ diff, what }: { diff: LiveDiff; what: "live" | "published" }) {
  const more = diff.projects.total - diff.projects.items.length;
  return (
    <Alert tone="warning" className="no-print space-y-2" testId="live-diff-notice" role="status">
      <p className="font-medium">
        {what === "live"
          ? `本月通报已于 ${formatPublishedAt(diff.publishedAt)} 定稿；此后台账有变动，以下实时数字与定稿数字不一致（正式口径以定稿为准）。`
          : `定稿后台账有变动：今天按同一口径计算的数字与本定稿通报不一致（本通报不变）。`}
      </p>
      {diff.counts.length > 0 && (
        <ul className="list-disc pl-5" data-testid="live-diff-counts">
          {diff.counts.map((c) => (
            <li key={c.key}>
              {shown(c.label, c.published)[0]}：定稿 {shown(c.label, c.published)[1]} → 今天 {shown(c.label, c.live)[1]}
            </li>
          ))}
        </ul>
      )}
      {diff.parks.length > 0 && <p>数字有变动的园区：{diff.parks.map((p) => p.parkName).join("、")}</p>}
      {diff.projects.items.length > 0 && (
        <div>
          <p>定稿后记录有变动的项目（{diff.projects.total} 个）：</p>
          <ul className="mt-1 space-y-0.5 pl-5" data-testid="live-diff-projects">
            {diff.projects.items.map((p) => (
              <li key={p.id} data-project-id={p.id}>
                <Link href={`/projects/${p.id}`} className="font-medium underline">
                  {p.name}
                </Link>
                <span className="text-xs"> （{p.code} · {p.parkName}）</span>
                {[
                  p.entered.length > 0 ? `计入：${p.entered.join("、")}` : null,
                  p.left.length > 0 ? `不再计入：${p.left.join("、")}` : null,
                  p.recordChangedAt ? `台账修改于 ${formatPublishedAt(p.recordChangedAt)}` : null,
                  p.reportChangedAt ? `月报变动于 ${formatPublishedAt(p.reportChangedAt)}` : null,
                ]
                  .filter(Boolean)
                  .map((t) => (
                    <span key={t} className="ml-2 text-xs">
                      {t}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
          {more > 0 && <p className="text-xs">另有 {more} 个项目未列出。</p>}
        </div>
      )}
    </Alert>
  );
}
