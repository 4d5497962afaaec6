// Enterprises and projects of one park, with each project's path through the stages,
// its stage events, monthly filings and annual plans. Pure: no database here.
import type { KeyLevel, ProjectSource, Stage } from "../../lib/db/generated/prisma/client";
import { BRAND_WORDS, INDUSTRIES, INVESTOR_ORIGINS, PARKS, type ParkSpec, type Product } from "./catalog";
import {
  type Day,
  dayOf,
  firstDayOfMonthIndex,
  isoOf,
  max,
  min,
  monthIndex,
  monthIndexToYm,
  yearOf,
} from "./dates";
import type { WorkCalendar } from "./holidays";
import { creditCode, mobilePhone, personName } from "./identity";
import type { ParkTeam } from "./people";
import type {
  Cents,
  PlanEnterprise,
  PlanProject,
  PlanReport,
  PlanStageEvent,
  PlanYearPlan,
} from "./plan-types";
import { Rng, hashString } from "./random";
import {
  PROGRESS_PROBLEMS,
  RESUME_REASONS,
  SUSPEND_REASONS,
  TERMINATE_REASONS,
  imageProgressFor,
} from "./texts";

export type GenContext = { today: Day; cal: WorkCalendar; park: ParkSpec; team: ParkTeam };

const FAR_FUTURE = 1_000_000;
const FIVE_HUNDRED = '省"五个100"';

/** The enterprise's 包保责任人 now, and who it was before a reassignment. */
export type Coverage = { liaison: string; previous: { liaison: string; until: Day } | null };

export type EnterpriseDraft = PlanEnterprise & { coverage: Coverage };

/** A project plus the facts the liaison generator needs (when it reached what). */
export type ProjectDraft = PlanProject & {
  suspendedSpan: { from: Day; to: Day } | null; // a past suspension that was lifted
};

export type ProjectsPlan = {
  enterprises: EnterpriseDraft[];
  projects: ProjectDraft[];
  stageEvents: PlanStageEvent[];
  reports: PlanReport[];
  yearPlans: PlanYearPlan[];
};

export function cents(wan: number): Cents {
  return Math.round(wan * 100);
}

/** Ledger figures are round: hundreds of 万元 for small projects, thousands for large ones. */
function roundWan(wan: number): number {
  if (wan < 10_000) return Math.max(100, Math.round(wan / 100) * 100);
  return Math.round(wan / 1000) * 1000;
}

function ledgerRound(wan: number): number {
  return wan >= 10 ? Math.round(wan) : Math.round(wan * 100) / 100;
}

function niceQty([lo, hi]: readonly [number, number], rng: Rng): number {
  const q = rng.range(lo, hi);
  if (hi <= 20) return Math.max(1, Math.round(q));
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(q)) - 1);
  return Math.round(q / magnitude) * magnitude;
}

function drawTotalInvestment(rng: Rng, scale: number): number {
  const tier = rng.weighted([
    ["small", 7],
    ["typical", 85],
    ["large", 8],
  ] as const);
  const raw =
    tier === "small" ? rng.logRange(2000, 5000) : tier === "typical" ? rng.logRange(5000, 100_000) : rng.logRange(100_000, 500_000);
  return roundWan(Math.min(500_000, Math.max(2000, raw * (tier === "small" ? 1 : scale))));
}

function drawKeyLevel(rng: Rng, total: number): KeyLevel {
  if (total >= 100_000) return rng.weighted([["PROVINCIAL", 45], ["CITY", 40], ["COUNTY", 10], ["NONE", 5]] as const);
  if (total >= 30_000) return rng.weighted([["PROVINCIAL", 5], ["CITY", 30], ["COUNTY", 25], ["NONE", 40]] as const);
  return rng.weighted([["CITY", 3], ["COUNTY", 12], ["NONE", 85]] as const);
}

const SOURCES: readonly (readonly [ProjectSource, number])[] = [
  ["BUSINESS_REFERRAL", 25],
  ["INDUSTRY_CHAIN", 25],
  ["PROFESSIONAL", 20],
  ["KINSHIP", 12],
  ["AGENCY", 6],
  ["ONLINE", 4],
  ["OTHER", 8],
];

/** Months of construction, longer for bigger projects. */
function constructionMonths(rng: Rng, total: number): number {
  if (total < 20_000) return rng.int(3, 7);
  if (total < 100_000) return rng.int(4, 10);
  return rng.int(8, 16);
}

type Naming = { name: string; capacity: string; product: Product; qty: number };

function nameProject(rng: Rng, industry: string, brand: string, park: ParkSpec): Naming {
  const spec = INDUSTRIES[industry];
  const product = rng.pick(spec.products);
  const qty = niceQty(product.qty, rng);
  const capacity = `年产${qty}${product.unit}${product.name}`;
  if (industry === "商贸物流") {
    const kind = rng.pick(["冷链物流中心", "智慧物流园", "商贸物流园", "农产品批发市场", "供应链产业园"]);
    const place = rng.chance(0.5) ? rng.pick(park.places) : brand;
    return { name: `${place}${kind}建设项目`, capacity: `${product.name}能力${qty}${product.unit}`, product, qty };
  }
  if (industry === "文旅康养") {
    const kind = rng.pick(["康养综合体", "文旅融合示范区", "精品民宿集群", "非遗文创产业园", "森林康养基地"]);
    return { name: `${rng.pick(park.places)}${kind}项目`, capacity: `${product.name}${qty}${product.unit}`, product, qty };
  }
  const template = rng.weighted([
    ["annual", 45],
    ["base", 15],
    ["park", 15],
    ["line", 15],
    ["upgrade", 10],
  ] as const);
  const name =
    template === "annual"
      ? `年产${qty}${product.unit}${product.name}项目`
      : template === "base"
        ? `${product.name}生产基地建设项目`
        : template === "park"
          ? `${brand}${rng.pick(spec.themes)}产业园建设项目`
          : template === "line"
            ? `${product.name}智能化生产线建设项目`
            : `${product.name}技术改造项目`;
  return { name, capacity, product, qty };
}

function describe(
  rng: Rng,
  industry: string,
  naming: Naming,
  total: number,
  landMu: number | null,
  renter: boolean,
): string {
  const spec = INDUSTRIES[industry];
  const buildings = rng.shuffle(spec.buildings).slice(0, rng.int(2, 3)).join("、");
  const site = renter
    ? `租赁标准厂房约${rng.int(3, 20) * 1000}平方米`
    : `规划用地约${landMu ?? Math.round(total / rng.range(200, 400))}亩，新建${buildings}等约${(rng.range(1, 8)).toFixed(1)}万平方米`;
  const output = ((total / 10_000) * rng.range(0.8, 2.2)).toFixed(1);
  const tax = Math.round((total * rng.range(0.02, 0.06)) / 10) * 10;
  const jobs = Math.round((50 + Math.sqrt(total) * rng.range(1, 3)) / 10) * 10;
  return `项目总投资${total}万元，${site}，建成后形成${naming.capacity}的能力。达产后预计年产值${output}亿元、年税收${tax}万元，带动就业${jobs}人。`;
}

export function planProjects(ctx: GenContext): ProjectsPlan {
  const { today, cal, park, team } = ctx;
  const rng = Rng.of(park.code, "projects");
  const staff = team.staff[0].username;
  const windowStart = today - 3 * 365 + 10;

  // 集中签约: several projects signed on the same day at a promotion event.
  const eventDays: Day[] = [];
  for (let y = yearOf(today) - 3; y <= yearOf(today); y++) {
    for (const m of [3, 6, 9, 11]) {
      const d = cal.workdayOnOrAfter(dayOf(y, m, rng.int(8, 25)), today - 3);
      if (d >= windowStart && d <= today - 3) eventDays.push(d);
    }
  }
  // Slightly more of the window's older years: a young park's pipeline builds up.
  const drawSigned = (): Day =>
    eventDays.length > 0 && rng.chance(0.3)
      ? rng.pick(eventDays)
      : cal.workdayOnOrAfter(today - 3 - Math.floor((3 * 365 - 13) * rng.float() ** 0.85), today);

  // ---- enterprises, one first project each
  const enterpriseCount = Math.round(park.projectCount * 0.87);
  const enterprises: EnterpriseDraft[] = [];
  const taken = new Set<string>();
  const codes = new Set<string>();
  type Seed = { enterprise: EnterpriseDraft; brand: string; signed: Day; phase2: boolean };
  const seeds: Seed[] = [];
  const liaisons = team.liaisons.map((l) => l.username);
  const liaisonOrder = rng.shuffle(Array.from({ length: enterpriseCount }, (_, i) => i % liaisons.length));
  // Parks are generated independently, yet two parks must not register the same
  // company name: each brand+suffix pair belongs to one park, chosen by its hash.
  const parkIndex = PARKS.findIndex((p) => p.code === park.code);
  for (let i = 0; i < enterpriseCount; i++) {
    const industry = rng.weighted(park.industries);
    let name = "";
    let brand = "";
    for (let tries = 0; tries < 500 && (name === "" || taken.has(name)); tries++) {
      brand = rng.pick(BRAND_WORDS);
      const suffix = rng.pick(INDUSTRIES[industry].suffixes);
      if (parkIndex >= 0 && hashString(brand + suffix) % PARKS.length !== parkIndex) continue;
      name = `${rng.pick(park.placePrefixes)}${brand}${suffix}`;
    }
    if (name === "" || taken.has(name)) throw new Error(`${park.code}: ran out of enterprise names`);
    taken.add(name);
    let code = creditCode(rng, park.divisionCode);
    while (codes.has(code)) code = creditCode(rng, park.divisionCode);
    codes.add(code);
    const legalPerson = personName(rng);
    const signed = drawSigned();
    const enterprise: EnterpriseDraft = {
      name,
      creditCode: code,
      legalPerson,
      contactName: rng.chance(0.3) ? legalPerson : personName(rng),
      contactPhone: mobilePhone(rng),
      address: `${park.addressPrefix}${rng.pick(park.roads)}${rng.int(1, 388)}号`,
      industry,
      createdDay: min(today, signed + rng.int(0, 5)),
      coverage: { liaison: liaisons[liaisonOrder[i]], previous: null },
    };
    // Reassignment history: some long-covered enterprises changed liaison once.
    if (today - signed > 400 && rng.chance(0.12) && liaisons.length > 1) {
      const until = cal.workdayOnOrAfter(signed + rng.int(120, today - signed - 60), today);
      const others = liaisons.filter((l) => l !== enterprise.coverage.liaison);
      enterprise.coverage.previous = { liaison: rng.pick(others), until };
    }
    enterprises.push(enterprise);
    seeds.push({ enterprise, brand, signed, phase2: false });
  }
  // Exactly this many signings never land, so each park's landing rate is stable.
  const stuckEnterprises = new Set(
    rng.shuffle(seeds.map((s) => s.enterprise.name)).slice(0, Math.round(park.stuckShare * park.projectCount)),
  );
  // ---- second-phase projects of enterprises that have been here a while (and landed)
  const veterans = seeds.filter((s) => today - s.signed > 300 && !stuckEnterprises.has(s.enterprise.name));
  for (let i = enterpriseCount; i < park.projectCount; i++) {
    const first = rng.pick(veterans.length > 0 ? veterans : seeds);
    const from = first.signed + 180;
    const signed = from < today - 3 ? cal.workdayOnOrAfter(rng.int(from, today - 3), today) : first.signed;
    seeds.push({ enterprise: first.enterprise, brand: first.brand, signed, phase2: true });
  }
  seeds.sort((a, b) => a.signed - b.signed || a.enterprise.name.localeCompare(b.enterprise.name));

  const stuckSet = new Set(seeds.flatMap((s, i) => (!s.phase2 && stuckEnterprises.has(s.enterprise.name) ? [i] : [])));

  const projects: ProjectDraft[] = [];
  const stageEvents: PlanStageEvent[] = [];
  const reports: PlanReport[] = [];
  const yearPlans: PlanYearPlan[] = [];
  const seqByYear = new Map<number, number>();
  const names = new Set<string>();
  const thisYear = yearOf(today);
  const lastMonth = monthIndex(today) - 1;
  // Filing is due by the 5th working day after month end: early in a month many
  // of last month's reports are legitimately still missing.
  let fifthWorkday = firstDayOfMonthIndex(monthIndex(today)) - 1;
  fifthWorkday = cal.addWorkdays(fifthWorkday, 5);
  const lastMonthFiledShare = today >= fifthWorkday ? 0.92 : 0.45;

  // ---- pass 1: when each stage would be reached (may lie beyond today: not reached yet)
  const timelines = seeds.map((seed, index) => {
    const trng = Rng.of(park.code, "timeline", index);
    const signed = seed.signed;
    const total = drawTotalInvestment(trng, park.scale);
    let landedAt: Day | null = null;
    if (!stuckSet.has(index)) {
      const lag =
        (seed.phase2 && trng.chance(0.5)) || trng.chance(0.3)
          ? 0
          : trng.chance(0.6)
            ? trng.int(15, 75)
            : trng.int(75, 240);
      landedAt = lag === 0 ? signed : cal.workdayOnOrAfter(signed + lag, FAR_FUTURE);
    }
    let startedAt: Day | null = null;
    if (landedAt !== null && !trng.chance(0.03)) {
      const lag = trng.chance(0.4) ? 0 : trng.chance(0.6) ? trng.int(10, 60) : trng.int(60, 180);
      startedAt = landedAt + lag;
    }
    const months = constructionMonths(trng, total);
    let producedAt: Day | null = null;
    if (startedAt !== null && !trng.chance(0.03)) producedAt = startedAt + months * 30 + trng.int(-10, 10);
    const landed = landedAt !== null && landedAt <= today ? landedAt : null;
    const started = landed !== null && startedAt !== null && startedAt <= today ? startedAt : null;
    const produced = started !== null && producedAt !== null && producedAt <= today ? producedAt : null;
    const stage: Stage = produced !== null ? "PRODUCING" : started !== null ? "STARTED" : landed !== null ? "LANDED" : "SIGNED";
    const stageDate = produced ?? started ?? landed ?? signed;
    return { total, landed, started, produced, producedAt, months, stage, stageDate };
  });

  // ---- pass 2: a few percent terminated (mostly signings never honoured) and suspended
  const srng = Rng.of(park.code, "status");
  const idle = (i: number) => today - timelines[i].stageDate;
  const indices = seeds.map((_, i) => i);
  const terminateCount = Math.max(1, Math.round(seeds.length * 0.045));
  const neverLanded = srng.shuffle(indices.filter((i) => timelines[i].stage === "SIGNED" && today - seeds[i].signed > 240));
  const landedIdle = srng.shuffle(indices.filter((i) => timelines[i].stage === "LANDED" && idle(i) > 200));
  const fromLanded = Math.min(landedIdle.length, Math.round(terminateCount / 4));
  const terminated = new Set([...landedIdle.slice(0, fromLanded), ...neverLanded.slice(0, terminateCount - fromLanded)]);
  const suspendCount = Math.max(1, Math.round(seeds.length * 0.035));
  // Mostly projects under way that stalled, some signings that went quiet.
  const building = srng.shuffle(
    indices.filter((i) => !terminated.has(i) && (timelines[i].stage === "LANDED" || timelines[i].stage === "STARTED") && idle(i) > 60),
  );
  const quiet = srng.shuffle(indices.filter((i) => !terminated.has(i) && timelines[i].stage === "SIGNED" && idle(i) > 300));
  const fromBuilding = Math.min(building.length, Math.ceil(suspendCount * 0.6));
  const suspended = new Set([...building.slice(0, fromBuilding), ...quiet.slice(0, suspendCount - fromBuilding)]);

  for (const seed of seeds) {
    const index = projects.length;
    const prng = Rng.of(park.code, "project", index);
    const { enterprise } = seed;
    const industry = enterprise.industry;
    const year = yearOf(seed.signed);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const code = `${park.code}-${year}-${String(seq).padStart(3, "0")}`;
    const signed = seed.signed;

    let naming = nameProject(prng, industry, seed.brand, park);
    if (seed.phase2) {
      naming = { ...naming, name: `${seed.brand}${naming.product.name}二期扩建项目` };
    }
    for (let tries = 0; names.has(naming.name) && tries < 20; tries++) naming = nameProject(prng, industry, seed.brand, park);
    if (names.has(naming.name)) naming = { ...naming, name: naming.name.replace(/项目$/, `（${seq}）项目`) };
    names.add(naming.name);

    const { total, landed, started, produced, producedAt, months, stage, stageDate } = timelines[index];
    const contract = prng.chance(0.5) ? total : roundWan(total * prng.range(0.6, 0.95));
    const registeredCapital = roundWan(total * prng.range(0.05, 0.25));
    const keyLevel = drawKeyLevel(prng, total);
    const specialLists = keyLevel === "PROVINCIAL" && prng.chance(0.5) ? [FIVE_HUNDRED] : [];
    const source = prng.weighted(SOURCES);
    const renter = industry !== "商贸物流" && industry !== "文旅康养" && total < 30_000 && prng.chance(0.3);
    const landMu = renter
      ? Math.round(prng.range(5, 30) * 100) / 100
      : Math.round(Math.max(8, total / prng.range(industry === "商贸物流" ? 100 : 180, 420)) * 100) / 100;

    // ---- status beside the stage
    let status: PlanProject["status"] = "ACTIVE";
    let statusDate: Day | null = null;
    let statusReason: string | null = null;
    let suspendedSpan: ProjectDraft["suspendedSpan"] = null;
    const inStage = today - stageDate;
    if (terminated.has(index)) {
      status = "TERMINATED";
      const after = stage === "SIGNED" ? 180 : 150;
      statusDate = cal.workdayOnOrAfter(stageDate + prng.int(Math.min(after, inStage - 1), inStage - 1), today);
      statusReason = prng.pick(TERMINATE_REASONS);
    } else if (suspended.has(index)) {
      status = "SUSPENDED";
      statusDate = cal.workdayOnOrAfter(stageDate + prng.int(Math.min(45, inStage - 1), inStage - 1), today);
      statusReason = prng.pick(SUSPEND_REASONS);
    } else if (started !== null && prng.chance(0.05)) {
      // A suspension that was lifted during construction.
      const end = produced ?? today;
      if (end - started > 200) {
        const from = cal.workdayOnOrAfter(started + prng.int(40, end - started - 150), today);
        const to = cal.workdayOnOrAfter(from + prng.int(30, 100), today);
        if (to < end) {
          suspendedSpan = { from, to };
          statusDate = to;
          statusReason = prng.pick(RESUME_REASONS);
        }
      }
    }

    // ---- plans
    let plannedStart: Day | null;
    if (started !== null) plannedStart = max(signed, started + prng.int(-45, 30));
    else if (stage === "SIGNED" && prng.chance(0.08)) plannedStart = null;
    else {
      plannedStart = signed + prng.int(90, 420);
      // Plans of stalled projects get revised: most carry a new, later date.
      if (plannedStart < today - 30 && status === "ACTIVE" && prng.chance(0.75)) plannedStart = today + prng.int(-45, 270);
    }
    const plannedProduction =
      plannedStart === null ? null : plannedStart + (months + prng.int(-1, 2)) * 30 + prng.int(0, 20);

    const registered = landed === null ? null : max(signed, landed - prng.int(0, 12));
    const landSupplied = landed === null || renter ? null : landed;
    const capacity = produced === null ? null : naming.capacity;

    // ---- stage events: one per stage reached, plus status changes
    let evSeq = 0;
    const createdDay = min(today, signed + prng.int(0, 5));
    let lastEntered = createdDay;
    // Entered into the system a few days after the business date, in order.
    const push = (e: Omit<PlanStageEvent, "projectCode" | "seq" | "actor" | "enteredDay">) => {
      lastEntered = min(today, max(lastEntered, e.businessDate + prng.int(0, 4)));
      stageEvents.push({ projectCode: code, seq: evSeq++, actor: staff, ...e, enteredDay: lastEntered });
    };
    push({
      type: "SIGN",
      fromStage: null,
      toStage: "SIGNED",
      fromStatus: null,
      toStatus: "ACTIVE",
      businessDate: signed,
      evidence: null,
      note: "签订投资合同",
    });
    if (landed !== null) {
      const evidence: Record<string, string | number> = { registrationDate: isoOf(registered!), landArea: landMu };
      if (landSupplied !== null) evidence.landSuppliedDate = isoOf(landSupplied);
      push({
        type: "ADVANCE",
        fromStage: "SIGNED",
        toStage: "LANDED",
        fromStatus: "ACTIVE",
        toStatus: "ACTIVE",
        businessDate: landed,
        evidence,
        note: landed === signed ? "签约即落地" : renter ? "租赁标准厂房落地" : "完成工商注册及供地",
      });
    }
    if (started !== null) {
      push({
        type: "ADVANCE",
        fromStage: "LANDED",
        toStage: "STARTED",
        fromStatus: "ACTIVE",
        toStatus: "ACTIVE",
        businessDate: started,
        evidence: { actualStartDate: isoOf(started) },
        note: started === landed ? "落地即开工" : "项目开工建设",
      });
    }
    if (suspendedSpan !== null) {
      push({
        type: "SUSPEND",
        fromStage: "STARTED",
        toStage: "STARTED",
        fromStatus: "ACTIVE",
        toStatus: "SUSPENDED",
        businessDate: suspendedSpan.from,
        evidence: null,
        note: prng.pick(SUSPEND_REASONS),
      });
      push({
        type: "RESUME",
        fromStage: "STARTED",
        toStage: "STARTED",
        fromStatus: "SUSPENDED",
        toStatus: "ACTIVE",
        businessDate: suspendedSpan.to,
        evidence: null,
        note: statusReason,
      });
    }
    if (produced !== null) {
      push({
        type: "ADVANCE",
        fromStage: "STARTED",
        toStage: "PRODUCING",
        fromStatus: "ACTIVE",
        toStatus: "ACTIVE",
        businessDate: produced,
        evidence: { productionDate: isoOf(produced), capacity: capacity! },
        note: "项目建成投产",
      });
    }
    if (status !== "ACTIVE") {
      push({
        type: status === "SUSPENDED" ? "SUSPEND" : "TERMINATE",
        fromStage: stage,
        toStage: stage,
        fromStatus: "ACTIVE",
        toStatus: status,
        businessDate: statusDate!,
        evidence: null,
        note: statusReason,
      });
    }

    // ---- money: a construction curve from the start month, filed month by month
    let imageProgress: string | null = null;
    let problems: string | null = null;
    const curveStart = started ?? (plannedStart !== null && status === "ACTIVE" ? plannedStart : null);
    const byMonth = new Map<number, { inv: number; funds: number; image: string; problems: string | null }>();
    if (curveStart !== null) {
      const sm = monthIndex(curveStart);
      const productionMonth = monthIndex(produced ?? producedAt ?? curveStart + months * 30);
      const buildMonths = Math.max(2, productionMonth - sm);
      const budget = total * prng.range(0.8, 0.97);
      const fundsRatio = prng.range(0.75, 1.1) * (contract / total);
      const weights = Array.from({ length: buildMonths }, (_, k) => 0.4 + Math.sin((Math.PI * (k + 0.5)) / buildMonths) + prng.range(0, 0.4));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      const horizon = dayOf(thisYear, 12, 31);
      const stopMonth =
        status !== "ACTIVE" && statusDate !== null ? monthIndex(statusDate) : monthIndex(horizon);
      let cumInv = 0;
      let cumFunds = 0;
      for (let m = sm; m <= stopMonth; m++) {
        const k = m - sm;
        const monthStart = firstDayOfMonthIndex(m);
        const suspendedNow =
          suspendedSpan !== null && m >= monthIndex(suspendedSpan.from) && m < monthIndex(suspendedSpan.to);
        let inv: number;
        let image: string;
        if (suspendedNow) {
          inv = 0;
          image = "项目暂缓建设";
        } else if (k < buildMonths) {
          inv = (budget * weights[k]) / weightSum;
          image = imageProgressFor((k + 1) / buildMonths, (xs) => prng.pick(xs));
        } else if (produced !== null && monthStart > produced) {
          const after = m - monthIndex(produced);
          inv = after <= 3 ? total * prng.range(0.005, 0.015) : prng.chance(0.2) ? total * prng.range(0.002, 0.008) : 0;
          image = imageProgressFor(1, (xs) => prng.pick(xs));
        } else {
          // Behind schedule: still building, slowly.
          inv = total * prng.range(0.003, 0.015);
          image = prng.pick(["设备安装调试", "试生产准备", "配套工程施工", "主体完工，内部装修中"]);
        }
        // Ledgers report whole 万元 except for small amounts; cap on the rounded sums.
        inv = Math.min(ledgerRound(inv), total - cumInv);
        let funds = prng.chance(0.15) ? 0 : inv * fundsRatio * prng.range(0.8, 1.5);
        funds = Math.min(ledgerRound(funds), contract - cumFunds);
        cumInv += inv;
        cumFunds += funds;
        const monthProblems = !suspendedNow && prng.chance(0.12) ? prng.pick(PROGRESS_PROBLEMS) : null;
        byMonth.set(m, { inv, funds, image, problems: monthProblems });
      }
      // Filings: started projects, from the start month through last month.
      if (started !== null) {
        const filedUntil = Math.min(lastMonth, stopMonth);
        const filers = [staff, ...team.liaisons.map((l) => l.username)];
        const filer = prng.chance(0.7) ? staff : prng.pick(filers);
        for (let m = monthIndex(started); m <= filedUntil; m++) {
          const row = byMonth.get(m)!;
          const share = m === lastMonth ? lastMonthFiledShare : m === lastMonth - 1 ? 0.97 : 1;
          if (!prng.chance(share)) continue;
          const { year: y, month } = monthIndexToYm(m);
          const filed = min(today, cal.addWorkdays(firstDayOfMonthIndex(m + 1) - 1, prng.int(1, 6)));
          reports.push({
            projectCode: code,
            year: y,
            month,
            investmentCompleted: cents(row.inv),
            fundsArrived: cents(row.funds),
            imageProgress: row.image,
            problems: row.problems,
            filedBy: filer,
            filedDay: filed,
          });
          imageProgress = row.image;
          problems = row.problems;
        }
      }
    }
    if (started === null) {
      imageProgress =
        stage === "LANDED"
          ? prng.pick(["开工前期准备", "施工图设计中", "场地平整中", "施工许可办理中"])
          : prng.pick(["前期手续办理中", "项目注册办理中", "用地报批中"]);
    }
    if (status === "SUSPENDED") imageProgress = "项目暂缓建设";
    if (status === "TERMINATED") imageProgress = "项目已终止";
    if (started === null && status === "ACTIVE" && plannedStart !== null && plannedStart < today) {
      problems = prng.pick(["计划开工时间已过，施工许可尚在办理", "企业资金未完全到位，开工时间推迟", "用地手续未办结，暂未开工"]);
    }

    // ---- annual plans (计划口径)
    const planFor = (y: number): PlanYearPlan | null => {
      const yStart = monthIndex(dayOf(y, 1, 1));
      let curveSum = 0;
      for (let m = yStart; m < yStart + 12; m++) curveSum += byMonth.get(m)?.inv ?? 0;
      const planStart = plannedStart !== null && yearOf(plannedStart) === y;
      const planProduction = plannedProduction !== null && yearOf(plannedProduction) === y;
      if (curveSum <= 0 && !planStart && !planProduction) return null;
      // Not started yet: the plan is a first tranche, not the whole construction curve.
      const planned = started === null ? total * prng.range(0.05, 0.15) : curveSum * prng.range(0.95, 1.2);
      return {
        projectCode: code,
        year: y,
        plannedInvestment: cents(roundWan(Math.max(planned, 100))),
        planStart,
        planProduction,
        note: planStart ? "年度计划新开工项目" : planProduction ? "年度计划竣工投产项目" : "年度续建项目",
      };
    };
    if (status === "ACTIVE") {
      const current = planFor(thisYear);
      if (current) yearPlans.push(current);
    }
    if (signed < dayOf(thisYear - 1, 12, 31) && (statusDate === null || status === "ACTIVE" || yearOf(statusDate) >= thisYear) && prng.chance(0.85)) {
      const previous = planFor(thisYear - 1);
      if (previous) yearPlans.push(previous);
    }

    const liaisonUnit = team.liaisons.find((l) => l.username === enterprise.coverage.liaison)!.unit;
    const remark =
      eventDays.includes(signed) && !seed.phase2
        ? `${yearOf(signed)}年集中签约项目`
        : source === "BUSINESS_REFERRAL"
          ? `由${prng.pick(INVESTOR_ORIGINS)}客商引荐`
          : renter
            ? "租赁园区标准厂房"
            : null;

    const lastEventDay = lastEntered;
    projects.push({
      code,
      enterpriseName: enterprise.name,
      name: naming.name,
      industry,
      source,
      keyLevel,
      specialLists,
      content: describe(prng, industry, naming, total, renter ? null : landMu, renter),
      totalInvestment: cents(total),
      contractInvestment: cents(contract),
      registeredCapital: cents(registeredCapital),
      landArea: landed === null ? null : Math.round(landMu * 100),
      signedDate: signed,
      registeredDate: registered,
      landSuppliedDate: landSupplied,
      landedDate: landed,
      plannedStartDate: plannedStart,
      actualStartDate: started,
      plannedProductionDate: plannedProduction,
      actualProductionDate: produced,
      capacity,
      stage,
      stageDate,
      status,
      statusDate,
      statusReason,
      imageProgress,
      problems,
      responsibleUnit: liaisonUnit,
      remark,
      createdBy: staff,
      createdDay,
      lastEventDay,
      suspendedSpan,
    });
  }

  return { enterprises, projects, stageEvents, reports, yearPlans };
}
