import { Suspense } from "react";
import type { DailyDigest } from "@/lib/server/notifications/daily-digest";
import { DigestSummary } from "./digest-view";

async function Line({ digest }: { digest: Promise<DailyDigest> }) {
  return <DigestSummary d={await digest} />;
}

/**
 * The reader's own 今日待办 line (nothing when nothing is due) on the page each role lands on
 * after sign-in (我的包保, the dashboard, the board, the park overview). The page starts reading
 * it (getDailyDigest) and it streams in after the page, so it never holds the page up.
 */
export function MyDigest({ digest }: { digest: Promise<DailyDigest> }) {
  return (
    <Suspense fallback={null}>
      <Line digest={digest} />
    </Suspense>
  );
}
