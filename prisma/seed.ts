// Demo data: three Hunan regions, six parks, their teams and three years of
// projects, filings, visits and problems. Idempotent: what exists is left alone.
//   npx tsx prisma/seed.ts        (npm run db:seed; needs DATABASE_URL)
// seedDemoData(db, { log }) is the same thing in-process (start script, tests).
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createPrismaClient, type Db } from "../lib/db/client";
import { PARKS } from "./seed/catalog";
import { type Day, isoOf, parseDay, todayInShanghai } from "./seed/dates";
import { WorkCalendar } from "./seed/holidays";
import { ensureOrganisation } from "./seed/org";
import { parkTeam } from "./seed/people";
import { planPark } from "./seed/plan";
import { ensurePointsDemo } from "./seed/points";
import { type ParkCounts, writeParkPlan } from "./seed/write";
import { writeParkRituals } from "./seed/rituals";
import { writeParkMeeting } from "./seed/meetings";

export type SeedOptions = {
  log?: (line: string) => void;
  /** "Today" as YYYY-MM-DD; defaults to today's date in Asia/Shanghai. */
  today?: string;
};

export type SeedSummary = {
  today: string;
  created: boolean;
  regions: number;
  parks: number;
  users: number;
  memberships: number;
  holidays: number;
  parksSeeded: string[];
  parksSkipped: string[];
  totals: ParkCounts;
  elapsedMs: number;
};

const EMPTY: ParkCounts = {
  enterprises: 0,
  projects: 0,
  stageEvents: 0,
  yearPlans: 0,
  reports: 0,
  assignments: 0,
  visits: 0,
  issues: 0,
  issueEvents: 0,
  extensions: 0,
};

export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const now = new Date();
  const today: Day = options.today ? parseDay(options.today) : todayInShanghai(now);
  const cal = new WorkCalendar();

  const { ids, created } = await ensureOrganisation(db);
  log(
    `[seed] 组织架构: 新建 ${created.regions} 个地区, ${created.parks} 个园区, ${created.users} 个用户, ` +
      `${created.memberships} 条角色, ${created.holidays} 条节假日 … ${elapsed()}`,
  );

  const totals: ParkCounts = { ...EMPTY };
  const parksSeeded: string[] = [];
  const parksSkipped: string[] = [];
  for (const park of PARKS) {
    const parkId = ids.parkIds.get(park.code)!;
    // A park that already has projects (demo or real) gets no demo projects.
    if ((await db.project.count({ where: { parkId } })) > 0) {
      parksSkipped.push(park.code);
      log(`[seed] ${park.name}: 已有项目数据，跳过 … ${elapsed()}`);
      continue;
    }
    const team = parkTeam(park);
    const plan = planPark({ today, cal, park, team });
    let rituals = { supervisions: 0, firstContact: 0 };
    let meetingTasks = 0;
    const counts = await db.$transaction(async (tx) => {
      const written = await writeParkPlan(tx, parkId, ids.userIds, plan, now);
      rituals = await writeParkRituals(tx, parkId, team, ids.userIds, today, cal, now);
      meetingTasks = await writeParkMeeting(tx, parkId, park.name, team, ids.userIds, today, cal, now);
      return written;
    }, {
      timeout: 120_000,
      maxWait: 20_000,
    });
    for (const key of Object.keys(totals) as (keyof ParkCounts)[]) totals[key] += counts[key];
    parksSeeded.push(park.code);
    log(
      `[seed] ${park.name}: ${counts.projects} 个项目, ${counts.enterprises} 家企业, ${counts.reports} 条月报, ` +
        `${counts.visits} 次走访, ${counts.issues} 个问题, ${rituals.supervisions} 份督办函, ${rituals.firstContact} 个首问问题, ${meetingTasks} 项会商跟踪事项 … ${elapsed()}`,
    );
  }

  const pointRows = await ensurePointsDemo(db, ids, today);
  if (pointRows > 0) log(`[seed] 积分考核: ${pointRows} 条积分规则和人工加减分 … ${elapsed()}`);

  const anything =
    created.regions + created.parks + created.users + created.memberships + created.holidays + totals.projects + pointRows > 0;
  const summary: SeedSummary = {
    today: isoOf(today),
    created: anything,
    ...created,
    parksSeeded,
    parksSkipped,
    totals,
    elapsedMs: 0,
  };
  if (anything) {
    await db.auditLog.create({
      data: {
        actorId: ids.userIds.get("admin") ?? null,
        action: "seed.demo",
        entityType: "System",
        entityId: "demo-data",
        after: { ...summary, totals: { ...totals } },
      },
    });
  }
  summary.elapsedMs = Math.round(performance.now() - started);
  log(
    anything
      ? `[seed] 完成: ${totals.projects} 个项目, ${totals.enterprises} 家企业, ${totals.stageEvents} 条阶段记录, ` +
          `${totals.yearPlans} 条年度计划, ${totals.reports} 条月报, ${totals.assignments} 条包保, ${totals.visits} 次走访, ` +
          `${totals.issues} 个问题 (${totals.issueEvents} 条处理记录) … ${elapsed()}`
      : `[seed] 完成: 数据已存在，未新建任何记录 … ${elapsed()}`,
  );
  return summary;
}

function isMain(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("[seed] DATABASE_URL is not set");
    process.exit(1);
  }
  const db = createPrismaClient(url);
  seedDemoData(db, { log: (line) => console.log(line) })
    .then(async (summary) => {
      if (summary.created) console.log("[seed] 演示账号密码均为 Park@2026 (admin, region_hh, leader_hhgx, staff_hhgx, liaison_hhgx ...)");
      await db.$disconnect();
    })
    .catch(async (error: unknown) => {
      console.error("[seed] failed:", error);
      await db.$disconnect();
      process.exit(1);
    });
}
