import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { buildFigureMonths, foldFigureRollup } from "@/lib/server/metrics/figure-rollup";
import { refreshRedSets } from "@/lib/server/warnings/red-sets";
import type { JobDefinition } from "./registry";

/**
 * 指标汇总表: every ten minutes, builds the months of the figures rollup not built yet (a
 * new month on its first day; every month back to the earliest signing on a fresh
 * database) and folds the delta rows that writes left (lib/server/metrics/figure-rollup.ts).
 * The figures are exact without it (a month not built is read from the per-project facts);
 * it makes them cheap. Building and folding skip what is done, so a retry writes nothing.
 * Then the red sets of today and the last closed months (lib/server/warnings/red-sets.ts): the parks
 * whose key changed whole, the projects written since the last run again.
 */
export const figuresRollup: JobDefinition = {
  name: "figures-rollup",
  cron: "*/10 * * * *",
  description: "指标汇总表 · builds new months of the figures rollup, folds its delta rows and keeps the red sets of today and the closed months",
  expireInSeconds: 30 * 60,
  // A worker that starts builds the missing months at once (the current ten minutes' occasion).
  catchUpOccasion: (now) => new Date(Math.floor(now.getTime() / 600_000) * 600_000),
  async run({ occasion, log }) {
    const today = todayInShanghai(occasion ? new Date(occasion) : new Date());
    const built = await buildFigureMonths(today);
    const folded = await foldFigureRollup();
    if (built.length > 0) log.info({ built: built.length, folded }, "figures rollup months built");
    // null: a write came during the refresh; the next run does it again (until then those projects are computed live).
    const red = await refreshRedSets(today);
    if (red && red.parks > 0) log.info(red, "red sets built");
    return { built: built.length, folded, redParks: red?.parks ?? 0, redProjects: red?.projects ?? 0, redRetry: red === null };
  },
};
