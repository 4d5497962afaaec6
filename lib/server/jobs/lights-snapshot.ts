import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { snapshotLights } from "@/lib/server/warnings/light-snapshots";
import type { JobDefinition } from "./registry";

/**
 * 亮灯快照: each night shortly after midnight (Shanghai) the lights of every open park for the
 * new day, kept for the trend lines on the warnings page. A day's first snapshot is kept, so a
 * retry or a second run of the same occasion writes nothing. A run sent for an occasion
 * (runOccasion) snapshots that occasion's date.
 */
export const lightsSnapshot: JobDefinition = {
  name: "lights-snapshot",
  cron: "10 0 * * *",
  description: "亮灯快照 · nightly snapshot of every park's traffic lights for trend lines",
  expireInSeconds: 30 * 60,
  // Today's 00:10 in Shanghai: a worker started later in the day takes the day's snapshot.
  catchUpOccasion: (now) => new Date(`${todayInShanghai(now)}T00:10:00+08:00`),
  async run({ occasion, log }) {
    const result = await snapshotLights(todayInShanghai(occasion ? new Date(occasion) : new Date()));
    log.info(result, "lights snapshot written");
    return { ...result };
  },
};
