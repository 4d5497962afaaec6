// Fuzz of every door bad input comes through, against the real test database: generated
// invalid input (NUL and lone UTF-16 surrogates in text, huge strings, wrong JSON types,
// impossible and pre-1990 and future dates, misplaced thousands separators and other bad
// money, unknown enum values, negative/huge/absent ids, malformed JSON bodies, bad query
// parameters) is sent to
//   1. the API's list and read endpoints (query strings, path ids) and the pages' list
//      readers (URL params parsed the page's way, then the list service);
//   2. the API's create endpoints;
//   3. the API's update endpoints (PATCH, stage/status transitions, problem actions,
//      accounts and organisation);
//   4. the lib/server write functions the server actions call (they parse again), with an
//      actor and raw input as an action would pass it;
//   5. the sign-in authorize path, the enterprise picker's search, the Excel downloads,
//      the bulletin, attachments and the ledger upload.
// Each endpoint gets FUZZ_RUNS (200) inputs from a fixed seed (FUZZ_SEED; a failure prints
// the seed and path that replay it; FUZZ_RUNS=2000 FUZZ_SEED=$RANDOM for a deeper run), and every input
// carries at least one part that must be refused, so nothing may be written: each answer is
// a 4xx in the endpoint's error shape with a Chinese message (never a 500), each service
// call throws an AppError the forms show (never a raw Prisma/pg error), and a fingerprint
// of every table (row count and md5 of the rows) is the same after the runs as before.
//
// The browser session is next-auth's, which needs Next's request scope; as in
// visits-api.test.ts the session module is replaced by the actor the test names (a real
// user loaded from the database). Nothing else is mocked.

import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import * as S from "@/lib/api/schemas";
import { type Actor } from "@/lib/domain/permissions";
import { addDays, todayInShanghai } from "@/lib/domain/dates";
import { ISSUE_ACTIONS, ISSUE_CATEGORIES, SATISFACTIONS, VISIT_KINDS, TITLE_MAX, DESCRIPTION_MAX, ANSWER_MAX, NOTE_MAX, REASON_MAX, UNIT_MAX, PERSON_MAX } from "@/lib/domain/issues";
import { STAGES, PROJECT_STATUSES } from "@/lib/domain/stages";
import { STATUS_ACTIONS, NOTE_MAX as MOVE_NOTE_MAX, REASON_MAX as MOVE_REASON_MAX, CAPACITY_MAX } from "@/lib/domain/transitions";
import { ROLES } from "@/lib/domain/permissions";
import { ASSIGNMENT_ROLES, ASSIGNMENT_TARGETS } from "@/lib/domain/coverage";
import { API_TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { INDICATOR_DEFS, METRICS } from "@/lib/domain/indicators";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_FAILED } from "@/lib/server/auth/authenticate";
import { AppError } from "@/lib/server/errors";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { createIssue } from "@/lib/server/issues/create-issue";
import { createProject } from "@/lib/server/projects/create-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { createVisit } from "@/lib/server/visits/create-visit";
import { createEnterprise } from "@/lib/server/enterprises/create-enterprise";
import { updateEnterprise } from "@/lib/server/enterprises/update-enterprise";
import { mergeEnterprises } from "@/lib/server/enterprises/merge-enterprises";
import { endAssignment } from "@/lib/server/enterprises/end-assignment";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";
import { setYearPlan } from "@/lib/server/progress/set-year-plan";
import { assign } from "@/lib/server/assignments/assign";
import { bulkReassign } from "@/lib/server/assignments/bulk-reassign";
import { upsertHoliday } from "@/lib/server/holidays/upsert-holiday";
import { deleteHoliday } from "@/lib/server/holidays/delete-holiday";
import { createRegion, updateRegion } from "@/lib/server/org/regions";
import { createPark, updatePark } from "@/lib/server/org/parks";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { addMembership } from "@/lib/server/users/memberships";
import { changeOwnPassword } from "@/lib/server/users/passwords";
import { updateParkSettings } from "@/lib/server/parks/park-settings";
import { listProjects } from "@/lib/server/projects/list-projects";
import { listIssues } from "@/lib/server/issues/list-issues";
import { listVisits } from "@/lib/server/visits/list-visits";
import { listEnterprises } from "@/lib/server/enterprises/list-enterprises";
import { listAudit } from "@/lib/server/audit/list-audit";
import { getBoard } from "@/lib/server/board/get-board";
import { listCoverage } from "@/lib/server/coverage/list-coverage";
import { parseProjectFilters } from "@/lib/validation/project-filters";
import { parseIssueFilters, parseVisitFilters, createIssueSchema, createVisitSchema, issueActionSchema, holidayUpsertSchema } from "@/lib/validation/issues";
import { parseEnterpriseFilters, enterpriseCreateSchema, enterpriseUpdateSchema, enterpriseMergeSchema, endAssignmentSchema } from "@/lib/validation/enterprises";
import { parseAuditFilters } from "@/lib/validation/audit";
import { parseBoardFilters } from "@/lib/validation/board-filters";
import { parseCoverageFilters, assignSchema, bulkReassignSchema } from "@/lib/validation/assignments";
import { projectCreateSchema, projectUpdateSchema, PROJECT_KEY_LEVELS, PROJECT_SOURCES } from "@/lib/validation/project";
import { projectPatchSchema, apiProgressBodySchema } from "@/lib/validation/api-projects";
import { moveStageSchema, statusChangeSchema } from "@/lib/validation/transition";
import { progressReportSchema, yearPlanSchema } from "@/lib/validation/progress";
import { userCreateSchema, userUpdateSchema, membershipSchema, passwordChangeSchema } from "@/lib/validation/users";
import { regionCreateSchema, regionUpdateSchema, parkCreateSchema, parkUpdateSchema, PARK_LEVELS, PARK_TYPES } from "@/lib/validation/org";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";
import { parkSettingsWithRulesSchema } from "@/lib/validation/park-settings";
import { signInSchema } from "@/lib/validation/sign-in";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as projectRoute from "@/app/api/v1/projects/[id]/route";
import * as transitionsRoute from "@/app/api/v1/projects/[id]/transitions/route";
import * as progressRoute from "@/app/api/v1/projects/[id]/progress/route";
import * as progressMonthRoute from "@/app/api/v1/projects/[id]/progress/[year]/[month]/route";
import * as problemsRoute from "@/app/api/v1/problems/route";
import * as problemRoute from "@/app/api/v1/problems/[id]/route";
import * as actionsRoute from "@/app/api/v1/problems/[id]/actions/route";
import * as visitsRoute from "@/app/api/v1/visits/route";
import * as enterprisesRoute from "@/app/api/v1/enterprises/route";
import * as enterpriseRoute from "@/app/api/v1/enterprises/[id]/route";
import * as indicatorsRoute from "@/app/api/v1/indicators/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as membershipsRoute from "@/app/api/v1/users/[id]/memberships/route";
import * as membershipRoute from "@/app/api/v1/users/[id]/memberships/[membershipId]/route";
import * as passwordResetRoute from "@/app/api/v1/users/[id]/password-reset/route";
import * as regionsRoute from "@/app/api/v1/regions/route";
import * as regionRoute from "@/app/api/v1/regions/[id]/route";
import * as parksRoute from "@/app/api/v1/parks/route";
import * as parkRoute from "@/app/api/v1/parks/[id]/route";
import * as mePasswordRoute from "@/app/api/v1/me/password/route";
import * as supervisionsRoute from "@/app/api/v1/supervisions/route";
import * as supervisionRoute from "@/app/api/v1/supervisions/[id]/route";
import * as supervisionReplyRoute from "@/app/api/v1/supervisions/[id]/reply/route";
import * as supervisionReviewRoute from "@/app/api/v1/supervisions/[id]/review/route";
import * as firstContactRoute from "@/app/api/v1/first-contact/route";
import * as handoffAcceptRoute from "@/app/api/v1/problems/[id]/handoff/accept/route";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as meetingCandidatesRoute from "@/app/api/v1/meetings/candidates/route";
import * as meetingRoute from "@/app/api/v1/meetings/[id]/route";
import * as meetingTaskCompleteRoute from "@/app/api/v1/meeting-tasks/[id]/complete/route";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { INTAKE_CHANNELS } from "@/lib/domain/first-contact";
import { DONE_NOTE_MAX, ITEM_TITLE_MAX, LOCATION_MAX, TITLE_MAX as MEETING_TITLE_MAX } from "@/lib/domain/meetings";
import { REPLY_MAX, REQUIREMENT_MAX, RETURN_REASON_MAX, SUBJECT_MAX, UNIT_MAX as SUPERVISION_UNIT_MAX } from "@/lib/domain/supervision";
import { receiveIssueSchema } from "@/lib/validation/first-contact";
import { completeTaskSchema, prepareMeetingSchema } from "@/lib/validation/meetings";
import { issueSupervisionSchema, replySupervisionSchema, reviewSupervisionSchema } from "@/lib/validation/supervision";
import * as searchRoute from "@/app/api/enterprises/search/route";
import * as exportProjectsRoute from "@/app/api/export/projects/route";
import * as exportIssuesRoute from "@/app/api/export/issues/route";
import * as exportProgressRoute from "@/app/api/export/progress/route";
import * as bulletinRoute from "@/app/api/bulletin/route";
import * as attachmentRoute from "@/app/api/attachments/[id]/route";
import * as importPreviewRoute from "@/app/api/import/preview/route";
import * as importCommitRoute from "@/app/api/import/commit/route";
import { TEST_PASSWORD, makeActor, makeProject, unique } from "../helpers/factories";
import { type IssueWorld, caught, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { projectForm } from "../helpers/pipeline-factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const DEBUG = Boolean(process.env.FUZZ_DEBUG);
const TODAY = todayInShanghai();
const CJK = /[\u4e00-\u9fff]/;

// ================================================================ bad values

/** A field left out of the body. */
const OMIT = Symbol("omit");
/** JSON text as sent, for numbers JSON.stringify cannot write (1e400 parses to Infinity). */
class Raw {
  constructor(readonly text: string) {}
}
const INFINITE = new Raw("1e400");

/** Characters PostgreSQL text or jsonb cannot store: NUL and halves of surrogate pairs. */
const poison = fc.constantFrom("\u0000", "\uD800", "\uDC00", "\uD83D", "\uDE00", "\uDBFF\u0000");
const filler = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("湖南", "年产5万吨", "😀", " ", "有限公司", "2026-01-01", "100"));
const poisoned = fc.tuple(filler, poison, filler).map(([a, p, b]) => a + p + b);
/** Survives a query string (lone surrogates become U+FFFD there, NUL stays). */
const nulText = fc.tuple(filler, filler).map(([a, b]) => `${a}\u0000${b}`);
const long = (max: number) => fc.constantFrom(max + 1, max + 9, 20_000, 100_000).map((n) => "长".repeat(n));
/** Not a string, and still not a string after JSON (no NaN/Infinity, which become null). */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 3 }),
);
const missing = fc.constantFrom<unknown>(OMIT, null, "", "  \t");

function text(max: number, required = false): fc.Arbitrary<unknown> {
  return fc.oneof(poisoned, long(max), wrongType, fc.tuple(long(max), poison).map(([a, p]) => a + p), ...(required ? [missing] : []));
}

const BAD_DATES = ["1899-01-01", "1989-12-31", "0202-03-01", "2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-32", "2026/1/1", "2026-1-1", "20260101", "2026-01-01T00:00:00Z", "明天", "+02026-01-01", "9999-99-99"];
const future = fc.oneof(fc.integer({ min: 1, max: 4000 }).map((n) => addDays(TODAY, n)), fc.constant("2999-12-31"));
function date(o: { required?: boolean; notFuture?: boolean } = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...BAD_DATES),
    poisoned,
    fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(["2026-01-01"]), fc.constant(20260101)),
    ...(o.notFuture ? [future] : []),
    ...(o.required ? [missing] : []),
  );
}

const BAD_MONEY = ["12,34,5.6", "1,2345", "1,000,00", "-1", "-0.01", "1e400", "1e5", "NaN", "Infinity", "-Infinity", "1.234", "100000000", "99,999,999.999", "１２３", "12..3", "0x10", "1_000", "¥100", "100万", "--1", "."];
function money(required = false): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...BAD_MONEY),
    poisoned,
    fc.constantFrom<unknown>(-1, -0.5, 123.456, 1e21, 1e-7, INFINITE, true, [], {}, ["100"]),
    ...(required ? [missing] : []),
  );
}

/** An id no row has (the sequences of a test database never get there). */
const NOWHERE = 2_000_000_000;
const BAD_IDS: unknown[] = [0, -1, -2147483649, 2147483648, 1.5, "abc", "1.5", "-3", "1e400", "99999999999", "NaN", "12abc", "一", "\u0000", {}, [1, 2], []];
function id(required = false, extra: unknown[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...BAD_IDS, NOWHERE, ...extra),
    fc.integer({ min: -2_147_483_648, max: 0 }),
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
    ...(required ? [fc.constantFrom<unknown>(OMIT, null, "")] : []),
  );
}
const version = fc.constantFrom<unknown>(0, -1, "abc", 1.5, {}, [], null, OMIT, 999_999, "1e400", INFINITE);

function oneOf(valid: readonly string[], required = false): fc.Arbitrary<unknown> {
  const notValid = (s: string) => !valid.includes(s);
  return fc.oneof(
    fc.string({ maxLength: 12 }).filter((s) => notValid(s) && s.trim() !== ""),
    fc.constantFrom(...valid.flatMap((v) => [v.toLowerCase(), ` ${v}`, `${v}\u0000`]).filter(notValid)),
    poisoned,
    fc.integer(),
    fc.constant({}),
    fc.constant([valid[0]]),
    ...(required ? [fc.constantFrom<unknown>(OMIT, null, "")] : []),
  );
}
const badFlag = fc.constantFrom<unknown>("yes", "TRUE", "no", 2, -1, {}, [], "on ", "1.0");
/** Any value at all: for fields that may not be sent. */
const anyValue = fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(), fc.constant({}));

// Values a server action can receive (React serialises Date, Map, Set, BigInt and registered
// symbols) but JSON cannot; invalid for every scalar field.
const jsOnly = fc.constantFrom<unknown>(new Date("2026-01-01T00:00:00Z"), new Map([["a", 1]]), new Set(["1"]), -1n, Symbol.for("fuzz"), Number.NaN, Number.POSITIVE_INFINITY);

// ---------------------------------------------------------------- whole inputs

type Body = Record<string, unknown>;
type Bad = Record<string, fc.Arbitrary<unknown>>;

/** One value from each arbitrary, as an array. */
const tupleOf = <T,>(arbs: fc.Arbitrary<T>[]): fc.Arbitrary<T[]> => fc.tuple(...(arbs as [fc.Arbitrary<T>])) as unknown as fc.Arbitrary<T[]>;

function setPath(target: Body, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== "object" || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === OMIT) delete node[last];
  else node[last] = value;
}

/** Keys that try mass assignment or prototype pollution; never enough to make an input valid or invalid. */
const noise = fc.constantFrom<[string, unknown][]>(
  [["__proto__", { isAdmin: true }]],
  [["constructor", { prototype: { polluted: true } }]],
  [["createdById", 1], ["deletedAt", null]],
  [["unknownField", "\u0000"]],
);

/**
 * `base` with one to three of the `bad` parts applied: a key is a dotted path given an
 * invalid value, or (starting with "+") a set of fields that is invalid together. Sets are
 * applied first so a later part never puts a valid value over an earlier invalid one.
 */
function withBad(base: Body, bad: Bad, maxParts = 3): fc.Arbitrary<Body> {
  const keys = Object.keys(bad).sort((a, b) => Number(b.startsWith("+")) - Number(a.startsWith("+")));
  return fc
    .tuple(
      fc.subarray(keys, { minLength: 1, maxLength: Math.min(maxParts, keys.length) }).chain((ks) => tupleOf(ks.map((k) => bad[k].map((v) => [k, v] as const)))),
      fc.option(noise, { freq: 5 }),
    )
    .map(([parts, extra]) => {
      const out = structuredClone(base);
      for (const [k, v] of extra ?? []) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      for (const [k, v] of parts) {
        if (k.startsWith("+")) for (const [path, value] of Object.entries(v as Body)) setPath(out, path, value);
        else setPath(out, k, v);
      }
      return out;
    });
}

/** `bad` with values only JS can send mixed into its scalar fields (for service calls). */
function withJsOnly(bad: Bad, objectKeys: string[] = []): Bad {
  return Object.fromEntries(Object.entries(bad).map(([k, a]) => [k, k.startsWith("+") || objectKeys.includes(k) ? a : fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: jsOnly })]));
}

/** JSON text of a body, Raw values written as they are. */
function toJsonText(v: unknown): string {
  const raws: string[] = [];
  const s = JSON.stringify(v, (_k, x: unknown) => (x instanceof Raw ? `\u0001RAW${raws.push(x.text) - 1}\u0001` : x));
  return s.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

/** The value a Raw stands for, deep (for calls that take JS values). */
function fromRaw(v: unknown): unknown {
  if (v instanceof Raw) return v.text === "1e400" ? Number.POSITIVE_INFINITY : JSON.parse(v.text);
  if (Array.isArray(v)) return v.map(fromRaw);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Body = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: fromRaw(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

const notJsonObject = (s: string) => {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v !== "object" || v === null || Array.isArray(v);
  } catch {
    return true;
  }
};
/** Bodies that are not JSON, or JSON but not an object. */
const badBodyText = fc.oneof(
  fc.constantFrom("", " ", "{", '{"name":', "[1,2", "nul", "{'a':1}", '{"a":1,}', "\u0000", "undefined", "NaN", '{"a":NaN}', "\uFEFF{}", '{"a":1e400', "[".repeat(5000) + "]".repeat(5000), "[".repeat(100_000), "{\"a\":\"\\ud800\"", "\\u0000"),
  fc.string({ maxLength: 30 }).filter(notJsonObject),
  fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 3 })).map((v) => JSON.stringify(v)),
);

// ---------------------------------------------------------------- query values

const QV = {
  id: fc.constantFrom("abc", "-1", "0", "1.5", "2147483648", "99999999999999999999", "1e400", "NaN", " ", "12abc", "\u0000", "%00", "一", "-0", "Infinity", "1,2"),
  page: fc.constantFrom("-1", "0", "100001", "1.5", "abc", "1e400", "\u0000", "99999999999", "-0.5"),
  size: (allowed: number[]) => fc.constantFrom(...["100000", "0", "-1", "7", "abc", "\u0000", "1.5", "1e400", "201", "99", "101", "10000000000"].filter((s) => !allowed.includes(Number(s)))),
  q: (max = 100) => fc.oneof(nulText, fc.constantFrom(max + 1, 5000, 30_000).map((n) => "搜".repeat(n))),
  oneOf: (valid: readonly string[]) => {
    const near = valid.flatMap((v) => [v.toLowerCase(), `${v} `, `${v}x`]).filter((s) => !valid.includes(s));
    return fc.oneof(fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !valid.includes(s) && s.trim() !== ""), fc.constantFrom(...near), nulText);
  },
  date: fc.constantFrom("2026-02-30", "2026/1/1", "2026-1-1", "20260101", "abc", "\u0000", "2026-13-01", "昨天", "2026-01-01T00:00"),
  year: fc.constantFrom("1999", "2101", "abc", "20.5", "-2026", "\u0000", "1e400", "0"),
  flag: fc.constantFrom("0", "2", "true", "yes", "\u0000", "11"),
};
type BadQuery = Record<string, fc.Arbitrary<string>>;

/** A query string with one to three bad parameters, sometimes among unknown ones. */
function badQuery(bad: BadQuery): fc.Arbitrary<string> {
  const keys = Object.keys(bad);
  return fc
    .tuple(
      fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }).chain((ks) => tupleOf(ks.map((k) => bad[k].map((v): [string, string] => [k, v])))),
      fc.option(fc.constantFrom<[string, string][]>([["foo", "bar"]], [["__proto__", "1"]], [["unknown", "\u0000"]]), { freq: 4 }),
    )
    .map(([parts, extra]) => `?${new URLSearchParams([...(extra ?? []), ...parts]).toString()}`);
}

// ================================================================ the database's state

// Rate-limit windows and a token's last use are written by every API call, by design.
const VOLATILE_TABLES = new Set(["ApiRateLimit", "_prisma_migrations"]);
const VOLATILE_COLUMNS: Record<string, string[]> = { ApiToken: ["lastUsedAt"] };
let fingerprintSql: string | undefined;

/** Per table: its row count and the md5 of its rows (volatile columns left out). */
async function fingerprint(): Promise<Record<string, string>> {
  const db = getDb();
  if (!fingerprintSql) {
    const tables = (await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`).map((r) => r.name).filter((n) => !VOLATILE_TABLES.has(n));
    fingerprintSql = tables
      .map((t) => {
        const minus = (VOLATILE_COLUMNS[t] ?? []).map((c) => ` - '${c}'`).join("");
        return `SELECT '${t}' AS name, (SELECT count(*) || ':' || coalesce(md5(string_agg(r, ',' ORDER BY r)), '') FROM (SELECT (to_jsonb(t)${minus})::text AS r FROM "${t}" t) x) AS f`;
      })
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ name: string; f: string }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.name, r.f]));
}

/**
 * Runs the property FUZZ_RUNS times and checks that no row of any table changed.
 * FUZZ_DEBUG=1 prints each input and its time (to find a slow or hanging one).
 */
async function fuzz<T>(arb: fc.Arbitrary<T>, check: (input: T) => Promise<void>): Promise<void> {
  const before = await fingerprint();
  const property = fc.asyncProperty(arb, async (input) => {
    const started = performance.now();
    if (DEBUG) process.stderr.write(`fuzz input ${fc.stringify(input).slice(0, 200)}\n`);
    await check(input);
    if (DEBUG) process.stderr.write(`  ${Math.round(performance.now() - started)} ms\n`);
  });
  await fc.assert(property, { numRuns: RUNS, seed: SEED });
  expect(await fingerprint()).toEqual(before);
}

// ================================================================ calling the doors

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;
type Auth = "rw" | "read" | "session";

let tokens: { rw: string; read: string };
let calls = 0;

async function send(handler: unknown, o: { method: string; auth: Auth; params?: Record<string, string>; query?: string; body?: string | FormData; headers?: Record<string, string> }): Promise<Response> {
  // The per-token limit (120 a minute) would otherwise refuse the fuzz itself.
  if (++calls % 100 === 0) await getDb().apiRateLimit.deleteMany();
  const headers: Record<string, string> = { ...o.headers };
  if (o.auth === "session") headers.cookie = "next-auth.session-token=fuzz";
  else headers.authorization = `Bearer ${tokens[o.auth]}`;
  if (typeof o.body === "string") headers["content-type"] = "application/json";
  const req = new Request(`http://localhost/fuzz${o.query ?? ""}`, { method: o.method, headers, body: o.method === "GET" ? undefined : o.body });
  return (handler as Handler)(req, { params: Promise.resolve(o.params) });
}

const REFUSED = [400, 403, 404, 409, 413, 415, 422];

/** A refusal in the API's error shape with a Chinese message. */
async function expectApiRefusal(res: Response): Promise<void> {
  const body = await res.text();
  expect(REFUSED, `${res.status} ${body.slice(0, 300)}`).toContain(res.status);
  const json = S.apiErrorSchema.parse(JSON.parse(body));
  if (DEBUG) process.stderr.write(`  -> ${res.status} ${json.error.message.zh.slice(0, 60)}\n`);
  expect(json.error.message.zh).toMatch(CJK);
  for (const f of json.error.fields) expect(f.message).toMatch(CJK);
}

/** A refusal as a plain-text page (downloads, attachments) or `{ message }` (uploads). */
async function expectTextRefusal(res: Response): Promise<void> {
  const body = await res.text();
  expect(REFUSED, `${res.status} ${body.slice(0, 300)}`).toContain(res.status);
  expect(body).toMatch(CJK);
}

/** A service call refused with an AppError the forms show, never a raw error. */
async function expectAppError(work: () => Promise<unknown>): Promise<void> {
  let thrown: unknown = undefined;
  let returned: unknown = undefined;
  try {
    returned = await work();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `accepted: ${JSON.stringify(returned)?.slice(0, 200)}`).toBeDefined();
  if (!(thrown instanceof AppError)) throw new Error(`not an AppError: ${String(thrown)}`, { cause: thrown });
  expect(["VALIDATION", "BAD_REQUEST", "NOT_FOUND", "CONFLICT", "FORBIDDEN"]).toContain(thrown.code);
  expect(thrown.message).toMatch(CJK);
}

/** An API endpoint with a JSON body: bad fields, bad bodies, bad path parameters. */
function apiCases(o: { params?: Record<string, string>; badParams?: Record<string, fc.Arbitrary<string>>; base?: Body; bad?: Bad }) {
  const parts: fc.WeightedArbitrary<{ params?: Record<string, string>; body?: string }>[] = [];
  if (o.base && o.bad) parts.push({ weight: 6, arbitrary: withBad(o.base, o.bad).map((b) => ({ params: o.params, body: toJsonText(b) })) });
  if (o.base) parts.push({ weight: 2, arbitrary: badBodyText.map((body) => ({ params: o.params, body })) });
  if (o.badParams) {
    const keys = Object.keys(o.badParams);
    const params = fc
      .subarray(keys, { minLength: 1 })
      .chain((ks) => tupleOf(ks.map((k) => o.badParams![k].map((v) => [k, v] as const))))
      .map((pairs) => ({ ...o.params, ...Object.fromEntries(pairs) }));
    // A bad path parameter alone must be refused, so the body may be the valid one.
    const body = o.base ? fc.oneof(fc.constant(toJsonText(o.base)), o.bad ? withBad(o.base, o.bad).map(toJsonText) : badBodyText) : fc.constant(undefined);
    parts.push({ weight: 2, arbitrary: fc.tuple(params, body).map(([p, b]) => ({ params: p, body: b })) });
  }
  return fc.oneof(...parts);
}

/** Path ids no record has: not a positive 32-bit integer, or one beyond every sequence. */
const PATH_IDS = fc.oneof(
  fc.constantFrom("-1", "0", "abc", "2147483648", "99999999999", "1.5", "1e3", " 1", "0x10", "%00", "\u0000", "", "１", "2000000000", "1/2", "../1", "+1", "1 OR 1=1", "1;DROP TABLE \"Project\""),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d+$/.test(s)),
  fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: NOWHERE, max: 2 ** 31 - 1 })).map(String),
  poisoned,
);

// ================================================================ the world

let w: IssueWorld;
let signed: { id: number; version: number };
let foreignProjectId: number;
let issue: { id: number; version: number };
let enterpriseA: number;
let enterpriseB: number;
let enterpriseAssignmentId: number;
let regionId: number;
let pwActor: Actor;
/** An open problem past its deadline (a 督办 target) and a letter awaiting the staff member's reply. */
let overdueIssueId: number;
let letter: { id: number };

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const db = getDb();
  tokens = {
    rw: (await createApiToken(w.admin, { name: unique("fuzz-rw"), scope: "READ_WRITE", parkIds: [w.park.id] })).token,
    read: (await createApiToken(w.admin, { name: unique("fuzz-read"), scope: "READ", parkIds: [w.park.id] })).token,
  };
  const p = await makeProject({ parkId: w.park.id, signedDate: "2025-03-01" });
  signed = { id: p.id, version: p.version };
  foreignProjectId = (await makeProject({ parkId: w.otherPark.id })).id;
  const i = await createIssue(w.staff, issueInput(w, { raisedDate: "2026-11-02" }));
  issue = { id: i.id, version: i.version };
  enterpriseA = (await db.enterprise.create({ data: { parkId: w.park.id, name: unique("合并保留企业") } })).id;
  enterpriseB = (await db.enterprise.create({ data: { parkId: w.park.id, name: unique("合并重复企业") } })).id;
  enterpriseAssignmentId = (await db.assignment.findFirstOrThrow({ where: { enterpriseId: w.enterprise.id, role: "LIAISON", endDate: null } })).id;
  regionId = w.regionId;
  pwActor = await makeActor([{ role: "PARK_STAFF", parkId: w.park.id }]);
  const overdue = (resolveDeadline: string) => makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.liaison.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-08-03", resolveDeadline });
  overdueIssueId = (await overdue("2026-09-01")).id;
  const lettered = await overdue("2026-09-02");
  letter = await issueSupervision(w.leader, { issueId: lettered.id, recipientUserId: w.staff.userId, subject: "模糊测试督办", requirement: "限期办结", workdays: 5 });
});

// ================================================================ bases and their bad parts

const projectBad = (o: { patch: boolean }): Bad => {
  const req = !o.patch;
  return {
    name: text(100, req),
    enterpriseName: text(100, req),
    creditCode: fc.oneof(poisoned, wrongType, fc.constantFrom("123", "91430100MA4L0XXXXO", "91430100MA4L0XXXXI1", "9143010-MA4L0XXXX1", "统一社会信用代码不是这样的长度")),
    legalPerson: text(50),
    contactName: text(50),
    contactPhone: fc.oneof(text(20), fc.constantFrom("abc", "12", "电话", "+", "123456789012345678901", "--12345678")),
    industry: text(50, req),
    source: oneOf(PROJECT_SOURCES),
    keyLevel: oneOf(PROJECT_KEY_LEVELS),
    specialLists: fc.oneof(
      fc.constantFrom<unknown>(1, {}, true, [1], [{}], [null]),
      fc.constant(Array.from({ length: 11 }, (_, i) => `名单${i}`)),
      long(50).map((s) => [s]),
      poisoned.map((s) => [s]),
      fc.constant(`a${"\u0000"}、b`),
    ),
    content: text(2000),
    totalInvestment: money(req),
    contractInvestment: money(req),
    registeredCapital: money(),
    landArea: money(),
    signedDate: date({ required: req, notFuture: true }),
    registeredDate: date({ notFuture: true }),
    landSuppliedDate: date({ notFuture: true }),
    plannedStartDate: date(),
    plannedProductionDate: date(),
    responsibleUnit: text(100),
    remark: text(1000),
    plannedInvestmentThisYear: money(),
    planStartThisYear: badFlag,
    planProductionThisYear: badFlag,
    "+contract above total": fc.constant({ totalInvestment: "100", contractInvestment: "100.01" }),
    "+start before signing": fc.constant({ signedDate: "2025-03-01", plannedStartDate: "2025-02-28" }),
    "+production before start": fc.constant({ plannedStartDate: "2026-03-01", plannedProductionDate: "2026-02-01" }),
    ...(o.patch
      ? {
          version,
          parkId: id(false, [null]),
          "+unknown field": fc.constantFrom({ code: "X" }, { stage: "PRODUCING" }, { id: 1 }, { createdById: 1 }, { status: "TERMINATED" }, { stageDate: "2026-01-01" }),
          "+required cleared": fc.constantFrom({ name: null }, { name: "" }, { totalInvestment: null }, { signedDate: "" }, { industry: "  " }),
        }
      : { parkId: id(true) }),
  };
};

const projectCreateBase = (): Body => ({ ...projectForm(0, { name: "模糊测试年产5万吨新材料项目", enterpriseName: "模糊测试湖南科技有限公司" }), parkId: w.park.id });

const moveBase = (): Body => ({ version: signed.version, toStage: "LANDED", landed: { date: "2025-06-01", registrationDate: "2025-05-01", landArea: "120" }, note: "已摘牌" });
const moveBad: Bad = {
  version,
  toStage: oneOf(STAGES, true),
  landed: fc.constantFrom<unknown>("x", 1, [], true),
  "landed.date": date({ notFuture: true, required: true }),
  "landed.registrationDate": date({ notFuture: true }),
  "landed.landArea": fc.oneof(poisoned, long(30), wrongType, fc.constantFrom("-1", "12,34,5", "abc", "1e400")),
  note: text(MOVE_NOTE_MAX),
  reason: text(MOVE_REASON_MAX),
  "+started": fc.record({ toStage: fc.constant("STARTED"), started: fc.record({ date: date({ notFuture: true, required: true }) }) }),
  "+producing": fc.record({ toStage: fc.constant("PRODUCING"), started: fc.constant({ date: "2025-08-01" }), producing: fc.record({ date: date({ notFuture: true, required: true }), capacity: fc.constant("5万吨") }) }),
  "+capacity": fc.record({ toStage: fc.constant("PRODUCING"), started: fc.constant({ date: "2025-08-01" }), producing: fc.record({ date: fc.constant("2025-12-01"), capacity: text(CAPACITY_MAX) }) }),
};
const statusBase = (): Body => ({ version: signed.version, action: "SUSPEND", date: "2026-11-02", reason: "资金未到位" });
const statusBad: Bad = { version, action: oneOf(STATUS_ACTIONS), date: date({ notFuture: true }), reason: text(MOVE_REASON_MAX) };

const issueBase = (): Body => ({ ...issueInput(w, { raisedDate: "2026-11-02", title: "模糊测试厂区用电增容" }) });
const issueBad = (): Bad => ({
  enterpriseId: id(true),
  projectId: id(),
  visitId: id(),
  raisedDate: date({ required: true, notFuture: true }),
  category: oneOf(ISSUE_CATEGORIES, true),
  title: text(TITLE_MAX, true),
  description: text(DESCRIPTION_MAX, true),
  raisedBy: text(PERSON_MAX),
  responsibleUnit: text(UNIT_MAX),
  responsibleUserId: id(),
});

const actionBase = (): Body => ({ version: issue.version, action: "comment", note: "已电话沟通" });
const actionBad: Bad = {
  version,
  action: oneOf(ISSUE_ACTIONS, true),
  note: text(NOTE_MAX),
  "+answer": fc.oneof(text(ANSWER_MAX).map((answer) => ({ action: "answer", answer, date: "2026-11-20" })), date().map((d) => ({ action: "answer", answer: "已协调", date: d }))),
  "+close": fc.oneof(oneOf(SATISFACTIONS, true).map((s) => ({ action: "close", satisfaction: s, date: "2026-11-20" })), date().map((d) => ({ action: "close", satisfaction: "SATISFIED", date: d }))),
  "+setDeadline": fc.tuple(date(), date()).map(([a, b]) => ({ action: "setDeadline", resolveDeadline: a, answerDeadline: b })),
  "+requestExtension": fc.oneof(date().map((d) => ({ action: "requestExtension", requestedDeadline: d, reason: "需要协调" })), text(REASON_MAX).map((r) => ({ action: "requestExtension", requestedDeadline: "2027-03-01", reason: r }))),
  "+decideExtension": fc.oneof(id(true).map((x) => ({ action: "decideExtension", extensionId: x, decision: "APPROVED" })), oneOf(["APPROVED", "REJECTED"], true).map((d) => ({ action: "decideExtension", extensionId: NOWHERE, decision: d }))),
  "+reassign": id(false, [NOWHERE]).map((u) => ({ action: "reassign", responsibleUserId: u })),
};

const visitBase = (): Body => ({
  enterpriseId: w.enterprise.id,
  projectId: w.project.id,
  visitDate: "2026-11-02",
  kind: "ON_SITE",
  peopleMet: "李经理",
  summary: "了解企业用工情况",
  problems: [{ category: "LABOR", title: "招工难", description: "普工缺口 50 人" }],
});
const visitBad: Bad = {
  enterpriseId: id(true),
  projectId: id(),
  liaisonId: id(),
  visitDate: date({ required: true, notFuture: true }),
  kind: oneOf(VISIT_KINDS, true),
  peopleMet: text(200),
  summary: text(DESCRIPTION_MAX, true),
  problems: fc.oneof(fc.constantFrom<unknown>("x", 1, {}, null, true), fc.constant(Array.from({ length: 21 }, (_, i) => ({ category: "LABOR", title: `问题${i}`, description: "描述" })))),
  "problems.0": fc.constantFrom<unknown>("x", 1, null, [], true),
  "problems.0.title": text(TITLE_MAX, true),
  "problems.0.description": text(DESCRIPTION_MAX, true),
  "problems.0.category": oneOf(ISSUE_CATEGORIES, true),
  "problems.0.responsibleUserId": id(),
  "problems.0.raisedBy": text(PERSON_MAX),
};

const enterpriseFieldsBad: Bad = {
  creditCode: fc.oneof(poisoned, wrongType, fc.constantFrom("123", "91430100MA4L0XXXXO", "9143010-MA4L0XXXX1")),
  legalPerson: text(50),
  contactName: text(50),
  contactPhone: fc.oneof(text(20), fc.constantFrom("abc", "12", "电话", "+", "123456789012345678901")),
  address: text(200),
  industry: text(50),
};
const enterpriseCreateBase = (): Body => ({ parkId: w.park.id, name: "模糊测试湖南新材料有限公司", contactPhone: "0731-8888888" });
const enterpriseCreateBad = (): Bad => ({ parkId: id(true), name: text(100, true), ...enterpriseFieldsBad });
const enterprisePatchBad: Bad = { name: fc.oneof(text(100), fc.constantFrom<unknown>(null, "", "   ")), parkId: anyValue, ...enterpriseFieldsBad };

const progressBase = (): Body => ({ investmentCompleted: "120.5", fundsArrived: "100", imageProgress: "主体结构施工", problems: null });
const progressBad: Bad = {
  investmentCompleted: money(true),
  fundsArrived: money(true),
  imageProgress: text(500, true),
  problems: text(1000),
  version: fc.constantFrom<unknown>(0, -1, "abc", 1.5, {}, [], 999_999, INFINITE),
};
const BAD_YEARS = fc.constantFrom("1999", "2101", "abc", "20.5", "", "-2026", "\u0000", "1e400");
const BAD_MONTHS = fc.constantFrom("0", "13", "abc", "1.5", "-1", "", "\u0000", "1e400");

const usernameBad = fc.oneof(poisoned, long(32), wrongType, missing, fc.constantFrom("1abc", "ab", "张三", "a b", "a\u0000b", "-abc", "abc!"));
const phoneBad = fc.oneof(text(30), fc.constantFrom("abc", "12", "电话", "+", "1234567890123456789012"));
const membershipBad = fc.oneof(
  fc.constantFrom<unknown>("x", 1, {}, null, Array.from({ length: 51 }, () => ({ role: "LIAISON", parkId: 1 }))),
  oneOf(ROLES, true).map((role) => [{ role, parkId: 1 }]),
  id(false, [""]).map((parkId) => [{ role: "PARK_STAFF", parkId }]),
  id(false, [""]).map((regionId) => [{ role: "REGION_LEADER", regionId }]),
  fc.constantFrom<unknown>([1], ["LIAISON"], [null]),
);
const userCreateBase = (): Body => ({ username: "fuzzuser", name: "模糊测试用户", unit: "招商局", phone: "13800000000", memberships: [{ role: "PARK_STAFF", parkId: w.park.id }] });
const userCreateBad = (): Bad => ({
  username: usernameBad,
  name: text(50, true),
  unit: text(100),
  title: text(50),
  phone: phoneBad,
  memberships: membershipBad,
  "+existing username": fc.constant({ username: w.admin.username }),
});
const userPatchBad: Bad = {
  name: fc.oneof(text(50), fc.constantFrom<unknown>(null, "", "  ")),
  unit: text(100),
  title: text(50),
  phone: phoneBad,
  isActive: fc.constantFrom<unknown>("true", "false", 1, 0, "yes", null, {}, []),
  "+unknown field": fc.constantFrom({ username: "root" }, { passwordHash: "x" }, { isAdmin: true }, { sessionVersion: 0 }, { mustChangePassword: false }),
};
const membershipBase = (): Body => ({ role: "LIAISON", parkId: w.park.id });
const membershipFieldBad: Bad = { role: oneOf(ROLES, true), parkId: id(false, [""]), regionId: id(false, [""]) };

const codeBad = fc.oneof(poisoned, long(30), wrongType, missing, fc.constantFrom("-abc", "a b", "中文", "_x", "a/b", "a\u0000"));
const regionCreateBad: Bad = { name: text(50, true), code: codeBad };
const regionPatchBad: Bad = {
  name: fc.oneof(text(50), fc.constantFrom<unknown>(null, "", "  ")),
  code: fc.oneof(poisoned, long(30), wrongType, fc.constantFrom<unknown>(null, "", "-abc", "a b", "中文")),
  archived: fc.constantFrom<unknown>("true", 1, null, "yes", {}, []),
  "+unknown field": fc.constantFrom({ id: 1 }, { createdAt: "2026-01-01" }, { parks: [] }),
};
const parkCreateBase = (): Body => ({ name: "模糊测试高新区", code: "FUZZGX", level: "PROVINCIAL", type: "HIGH_TECH", regionId });
const parkCreateBad = (): Bad => ({ name: text(50, true), code: codeBad, level: oneOf(PARK_LEVELS, true), type: oneOf(PARK_TYPES, true), regionId: id(true) });
const parkPatchBad: Bad = {
  name: fc.oneof(text(50), fc.constantFrom<unknown>(null, "")),
  code: fc.oneof(poisoned, long(30), wrongType, fc.constantFrom<unknown>(null, "", "-abc", "中文")),
  level: oneOf(PARK_LEVELS),
  type: oneOf(PARK_TYPES),
  regionId: id(false, [null, ""]),
  archived: fc.constantFrom<unknown>("true", 1, null, "yes", {}, []),
  "+unknown field": fc.constantFrom({ staleDaysSigned: 1 }, { warningRules: {} }, { id: 1 }),
};

// The rituals (督办, 首问, 每月会商).
const supervisionBase = (): Body => ({ issueId: overdueIssueId, recipientUserId: w.staff.userId, recipientUnit: "园区经发局", subject: "模糊测试超期问题督办", requirement: "限期办结并回复", workdays: 5 });
const supervisionBad = (): Bad => ({
  issueId: id(true),
  projectId: id(),
  recipientUserId: id(true, [w.otherStaff.userId]),
  recipientUnit: text(SUPERVISION_UNIT_MAX),
  subject: text(SUBJECT_MAX, true),
  requirement: text(REQUIREMENT_MAX, true),
  workdays: fc.constantFrom<unknown>(0, 61, -1, 1.5, "abc", "", null, {}, INFINITE, OMIT, "1e400", "六十"),
});
const replyBase = (): Body => ({ version: 1, note: "已按要求整改" });
const replyBad: Bad = { version, note: text(REPLY_MAX, true) };
const reviewBase = (): Body => ({ version: 1, decision: "accept" });
const reviewBad: Bad = {
  version,
  decision: oneOf(["accept", "return"], true),
  note: text(RETURN_REASON_MAX),
  "+return without reason": fc.constantFrom<unknown>({ decision: "return", note: OMIT }, { decision: "return", note: "  " }),
};
const receiveBase = (): Body => ({ ...issueBase(), intakeChannel: "PHONE" });
const receiveBad = (): Bad => {
  const { visitId: _visitId, ...bad } = issueBad();
  return { ...bad, intakeChannel: oneOf(INTAKE_CHANNELS, true) };
};
const meetingBase = (): Body => ({ scope: `park:${w.park.id}`, month: "2026-11", freeItems: ["模糊测试议题"] });
const meetingBad = (): Bad => ({
  scope: fc.oneof(poisoned, wrongType, missing, fc.constantFrom("park:0", "park:abc", "region:-1", "city:1", `park:${NOWHERE}`, `region:${NOWHERE}`, "park:", "park:1.5")),
  month: fc.oneof(poisoned, wrongType, missing, fc.constantFrom("2026-13", "2026-1", "1999-12", "2026/11", "2026-11-01", "2101-01")),
  title: text(MEETING_TITLE_MAX),
  meetingDate: date(),
  location: text(LOCATION_MAX),
  include: fc.constantFrom<unknown>(["ISSUE:abc"], ["FOO:1"], [`ISSUE:${NOWHERE}`], "x:1", [1], [{}], [null], Array.from({ length: 301 }, (_, i) => `ISSUE:${i + 1}`)),
  freeItems: fc.oneof(long(ITEM_TITLE_MAX).map((t) => [t]), poisoned.map((t) => [t]), wrongType.filter((v) => typeof v !== "string" && !Array.isArray(v)), fc.constant(Array.from({ length: 31 }, (_, i) => `议题${i}`))),
});
const completeBad: Bad = { note: text(DONE_NOTE_MAX, true) };

// Only inputs the schema refuses: a wrong current password counts toward the account lock.
const passwordBase = (): Body => ({ currentPassword: TEST_PASSWORD, newPassword: "Fuzz-Another-Pass-2026" });
const passwordBad: Bad = {
  currentPassword: fc.oneof(wrongType, fc.constantFrom<unknown>(OMIT, null, ""), fc.constant("x".repeat(129)), fc.constant("长".repeat(20_000))),
  newPassword: fc.oneof(poisoned, wrongType, fc.constantFrom<unknown>(OMIT, null, "")),
};

// ================================================================ the bases are valid

// Each generated input is a valid base with bad parts: if a base were itself invalid, the
// fuzz would only ever test that one refusal.
describe("the bases the fuzz spoils", () => {
  it("are accepted by their schemas", () => {
    const ok = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
      const r = schema.safeParse(input);
      expect(r.success, JSON.stringify(r.error)).toBe(true);
    };
    ok(projectCreateSchema, { ...projectCreateBase(), liaisonUserId: w.liaison.userId });
    ok(projectPatchSchema, { version: 1 });
    ok(projectUpdateSchema, { ...projectCreateBase(), version: 1 });
    ok(moveStageSchema, { ...moveBase(), projectId: signed.id });
    ok(statusChangeSchema, { ...statusBase(), projectId: signed.id });
    ok(createIssueSchema, issueBase());
    ok(issueActionSchema, { ...actionBase(), issueId: issue.id });
    ok(createVisitSchema, visitBase());
    ok(enterpriseCreateSchema, enterpriseCreateBase());
    ok(enterpriseUpdateSchema, {});
    ok(apiProgressBodySchema, progressBase());
    ok(progressReportSchema, { ...progressBase(), projectId: w.project.id, year: 2026, month: 10 });
    ok(userCreateSchema, userCreateBase());
    ok(userUpdateSchema, { title: "科员" });
    ok(membershipSchema, membershipBase());
    ok(regionCreateSchema, { name: "模糊测试市", code: "FUZZ" });
    ok(regionUpdateSchema, { name: "模糊测试市" });
    ok(parkCreateSchema, parkCreateBase());
    ok(parkUpdateSchema, { name: "模糊测试园区" });
    ok(passwordChangeSchema, passwordBase());
    ok(issueSupervisionSchema, supervisionBase());
    ok(replySupervisionSchema, { ...replyBase(), supervisionId: 1 });
    ok(reviewSupervisionSchema, { ...reviewBase(), supervisionId: 1 });
    ok(receiveIssueSchema, receiveBase());
    ok(prepareMeetingSchema, meetingBase());
    ok(completeTaskSchema, { note: "已办结", taskId: 1 });
    ok(signInSchema, { username: w.staff.username, password: TEST_PASSWORD });
    for (const s of SERVICES) if (s.schema) ok(s.schema, s.base());
  });
});

// ================================================================ 1. reading: lists and records

describe("1. API list and read endpoints, and the pages' list readers", () => {
  const idQ = QV.id;
  const LISTS: [string, unknown, BadQuery][] = [
    [
      "GET /projects",
      projectsRoute.GET,
      {
        park: fc.oneof(idQ, fc.constant(String(NOWHERE))),
        industry: QV.q(50),
        keyLevel: QV.oneOf(PROJECT_KEY_LEVELS),
        liaison: idQ,
        year: QV.year,
        stale: QV.flag,
        q: QV.q(),
        stage: QV.oneOf(STAGES),
        status: QV.oneOf(PROJECT_STATUSES),
        cursor: idQ,
        limit: QV.size(Array.from({ length: 100 }, (_, i) => i + 1)),
      },
    ],
    [
      "GET /problems",
      problemsRoute.GET,
      {
        park: fc.oneof(idQ, fc.constant(String(NOWHERE))),
        category: QV.oneOf(ISSUE_CATEGORIES),
        level: fc.constantFrom("0", "4", "abc", "1.5", "\u0000"),
        status: QV.oneOf(["NEW", "ASSIGNED", "IN_PROGRESS", "ANSWERED", "CLOSED"]),
        liaison: idQ,
        responsible: idQ,
        enterprise: idQ,
        project: idQ,
        satisfaction: QV.oneOf(SATISFACTIONS),
        overdue: QV.flag,
        open: QV.flag,
        mine: QV.flag,
        raisedFrom: QV.date,
        raisedTo: QV.date,
        closedFrom: QV.date,
        closedTo: QV.date,
        q: QV.q(),
        page: QV.page,
        pageSize: QV.size([20, 50, 100]),
      },
    ],
    [
      "GET /visits",
      visitsRoute.GET,
      {
        park: fc.oneof(idQ, fc.constant(String(NOWHERE))),
        enterprise: idQ,
        project: idQ,
        liaison: idQ,
        kind: QV.oneOf(VISIT_KINDS),
        month: fc.constantFrom("2026-13", "2026-1", "abc", "\u0000", "2026-00", "202611"),
        from: QV.date,
        to: QV.date,
        q: QV.q(),
        page: QV.page,
        pageSize: QV.size([20, 50, 100]),
      },
    ],
    ["GET /enterprises", enterprisesRoute.GET, { q: QV.q(), park: fc.oneof(idQ, fc.constant(String(NOWHERE))), page: QV.page, pageSize: QV.size([20, 50, 100]) }],
    // The 督办 list's schema (shared with its page) reads a blank parkId or status as absent, so " " is not a bad value there.
    ["GET /supervisions", supervisionsRoute.GET, { parkId: fc.oneof(idQ.filter((v) => v.trim() !== ""), fc.constant(String(NOWHERE))), status: QV.oneOf(["ISSUED", "REPLIED", "RETURNED", "CLOSED"]), page: QV.page, pageSize: QV.size(Array.from({ length: 100 }, (_, i) => i + 1)) }],
    [
      "GET /first-contact",
      firstContactRoute.GET,
      { park: fc.oneof(idQ, fc.constant(String(NOWHERE))), channel: QV.oneOf(INTAKE_CHANNELS), state: QV.oneOf(["pending", "accepted"]), mine: QV.oneOf(["received", "toAccept"]), page: QV.page, pageSize: QV.size(Array.from({ length: 100 }, (_, i) => i + 1)) },
    ],
    ["GET /indicators", indicatorsRoute.GET, { park: fc.oneof(idQ, fc.constant(String(NOWHERE))), region: fc.oneof(idQ, fc.constant(String(NOWHERE))), year: QV.year, through: fc.constantFrom("0", "13", "abc", "\u0000", "1.5"), cohort: QV.year }],
  ];
  for (const [name, handler, bad] of LISTS) {
    it(`${name}: bad query parameters are 4xx`, async () => {
      await fuzz(badQuery(bad), async (query) => expectApiRefusal(await send(handler, { method: "GET", auth: "read", query })));
    });
  }

  it("GET /meetings and /meetings/candidates (sessions): bad query parameters are 4xx", async () => {
    session.actor = w.admin;
    const MONTHS = fc.constantFrom("2026-13", "2026-1", "abc", "\u0000", "2026-00", "202611", "1999-12");
    const lists = badQuery({ park: fc.oneof(idQ, fc.constant(String(NOWHERE))), region: fc.oneof(idQ, fc.constant(String(NOWHERE))), month: MONTHS, status: QV.oneOf(["PREPARED", "HELD"]), page: QV.page, pageSize: QV.size(Array.from({ length: 100 }, (_, i) => i + 1)) });
    const scope = fc.oneof(nulText, fc.constantFrom("park:0", "park:abc", "city:1", `park:${NOWHERE}`, `region:${NOWHERE}`));
    const candidates = fc.oneof(
      badQuery({ scope, month: MONTHS }).map((q) => `${q}&month=2026-11&scope=park:${w.park.id}`),
      fc.constantFrom("", "?month=2026-11", `?scope=park:${w.park.id}`),
    );
    await fuzz(fc.oneof(lists.map((query) => [meetingsRoute.GET, query] as const), candidates.map((query) => [meetingCandidatesRoute.GET, query] as const)), async ([handler, query]) =>
      expectApiRefusal(await send(handler, { method: "GET", auth: "session", query })),
    );
  });

  it("GET /projects/{id}/progress: bad paging or id is 4xx", async () => {
    const arb = fc.oneof(
      badQuery({ page: QV.page, pageSize: QV.size(Array.from({ length: 200 }, (_, i) => i + 1)) }).map((query) => ({ query, id: String(w.project.id) })),
      PATH_IDS.map((id) => ({ query: "", id })),
    );
    await fuzz(arb, async ({ query, id }) => expectApiRefusal(await send(progressRoute.GET, { method: "GET", auth: "read", query, params: { id } })));
  });

  const READS: [string, unknown, () => string[], Auth][] = [
    ["GET /projects/{id}", projectRoute.GET, () => [String(foreignProjectId)], "read"],
    ["GET /problems/{id}", problemRoute.GET, () => [], "read"],
    ["GET /enterprises/{id}", enterpriseRoute.GET, () => [], "read"],
    ["GET /users/{id}", userRoute.GET, () => [], "session"],
    ["GET /supervisions/{id}", supervisionRoute.GET, () => [], "read"],
    ["GET /meetings/{id}", meetingRoute.GET, () => [], "session"],
  ];
  for (const [name, handler, extra, auth] of READS) {
    it(`${name}: bad or foreign ids are 404`, async () => {
      session.actor = w.admin;
      await fuzz(fc.oneof(PATH_IDS, fc.constantFrom(...extra(), "2000000000")), async (id) => {
        const res = await send(handler, { method: "GET", auth, params: { id } });
        expect(res.status).toBe(404);
        await expectApiRefusal(res);
      });
    });
  }

  it("GET /users: bad filters are ignored (the list shows), never a 500", async () => {
    session.actor = w.admin;
    const arb = badQuery({ q: QV.q(50), park: QV.id, active: QV.flag, page: QV.page, pageSize: QV.size([]) });
    await fuzz(arb, async (query) => {
      const res = await send(usersRoute.GET, { method: "GET", auth: "session", query });
      if (res.status !== 200) await expectApiRefusal(res);
    });
  });

  // The list pages drop a bad URL filter (with a message) and show the list: parsing the
  // raw params the page's way and then listing must never fail with anything but an AppError.
  it("the pages' list readers: raw URL params parsed and listed, never a raw error", async () => {
    const nasty = fc.oneof(nulText, poisoned, QV.id, QV.page, QV.date, QV.q(), fc.constantFrom("1", "20", "SIGNED", "2026-01-01", "PROVINCIAL", "x"));
    const raw = (keys: string[]) =>
      fc.dictionary(fc.constantFrom(...keys, "unknown"), fc.oneof(nasty, fc.array(nasty, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 4 });
    const PAGES: [string, fc.Arbitrary<Record<string, string | string[]>>, (raw: Record<string, string | string[]>) => Promise<unknown>][] = [
      ["projects", raw(["park", "region", "stage", "status", "keyLevel", "industry", "year", "q", "metric", "period", "cohort", "page", "pageSize"]), (r) => listProjects(w.staff, parseProjectFilters(r).filters)],
      ["issues", raw(["park", "category", "level", "status", "liaison", "q", "raisedFrom", "raisedTo", "overdue", "mine", "page", "pageSize"]), (r) => listIssues(w.staff, parseIssueFilters(r).filters)],
      ["visits", raw(["park", "enterprise", "kind", "month", "from", "to", "q", "page", "pageSize"]), (r) => listVisits(w.staff, parseVisitFilters(r).filters)],
      ["enterprises", raw(["q", "park", "page", "pageSize"]), (r) => listEnterprises(w.staff, parseEnterpriseFilters(r).filters)],
      ["audit", raw(["actor", "who", "park", "entity", "action", "from", "to", "page"]), (r) => listAudit(w.admin, parseAuditFilters(r).filters)],
      ["board", raw(["park", "industry", "keyLevel", "liaison", "year", "stale", "q"]), (r) => getBoard(w.staff, parseBoardFilters(r).filters)],
      ["coverage", raw(["liaison", "q", "uncovered", "page", "pageSize"]), (r) => listCoverage(w.leader, w.park.id, parseCoverageFilters(r).filters)],
    ];
    const arb = fc.oneof(...PAGES.map(([name, a, list]) => a.map((r) => ({ name, r, list }))));
    await fuzz(arb, async ({ r, list }) => {
      try {
        await list(r);
      } catch (e) {
        if (!(e instanceof AppError) || e.code === "INTERNAL") throw new Error(`raw error: ${String(e)}`, { cause: e });
      }
    });
  });
});

// ================================================================ 2. creating

describe("2. API create endpoints", () => {
  const CREATES: [string, unknown, Auth, () => Body, () => Bad][] = [
    ["POST /projects", projectsRoute.POST, "rw", projectCreateBase, () => projectBad({ patch: false })],
    ["POST /problems", problemsRoute.POST, "rw", issueBase, issueBad],
    ["POST /visits", visitsRoute.POST, "rw", visitBase, () => visitBad],
    ["POST /enterprises", enterprisesRoute.POST, "rw", enterpriseCreateBase, enterpriseCreateBad],
    ["POST /users", usersRoute.POST, "session", userCreateBase, userCreateBad],
    ["POST /regions", regionsRoute.POST, "session", () => ({ name: "模糊测试市", code: "FUZZ" }), () => regionCreateBad],
    ["POST /parks", parksRoute.POST, "session", parkCreateBase, parkCreateBad],
    ["POST /supervisions", supervisionsRoute.POST, "session", supervisionBase, supervisionBad],
    ["POST /first-contact", firstContactRoute.POST, "rw", receiveBase, receiveBad],
    ["POST /meetings", meetingsRoute.POST, "session", meetingBase, meetingBad],
  ];
  for (const [name, handler, auth, base, bad] of CREATES) {
    it(`${name}: bad fields and bodies are 4xx, nothing written`, async () => {
      session.actor = w.admin;
      await fuzz(apiCases({ base: base(), bad: bad() }), async ({ body }) => expectApiRefusal(await send(handler, { method: "POST", auth, body })));
    });
  }

  it("PUT /projects/{id}/progress/{year}/{month}: bad figures, months and ids are 4xx", async () => {
    const arb = apiCases({
      params: { id: String(w.project.id), year: "2026", month: "10" },
      badParams: { id: fc.oneof(PATH_IDS, fc.constant(String(foreignProjectId))), year: BAD_YEARS, month: BAD_MONTHS },
      base: progressBase(),
      bad: progressBad,
    });
    await fuzz(arb, async ({ params, body }) => expectApiRefusal(await send(progressMonthRoute.PUT, { method: "PUT", auth: "rw", params, body })));
  });
});

// ================================================================ 3. updating

describe("3. API update endpoints", () => {
  const projectIds = fc.oneof(PATH_IDS, fc.constant(String(NOWHERE)));
  const UPDATES: [string, unknown, string, Auth, () => Parameters<typeof apiCases>[0]][] = [
    ["PATCH /projects/{id}", projectRoute.PATCH, "PATCH", "rw", () => ({ params: { id: String(signed.id) }, badParams: { id: fc.oneof(projectIds, fc.constant(String(foreignProjectId))) }, base: { version: signed.version }, bad: projectBad({ patch: true }) })],
    ["POST /projects/{id}/transitions (stage)", transitionsRoute.POST, "POST", "rw", () => ({ params: { id: String(signed.id) }, badParams: { id: projectIds }, base: moveBase(), bad: moveBad })],
    ["POST /projects/{id}/transitions (status)", transitionsRoute.POST, "POST", "rw", () => ({ params: { id: String(signed.id) }, badParams: { id: projectIds }, base: statusBase(), bad: statusBad })],
    ["POST /problems/{id}/actions", actionsRoute.POST, "POST", "rw", () => ({ params: { id: String(issue.id) }, badParams: { id: projectIds }, base: actionBase(), bad: actionBad })],
    ["PATCH /enterprises/{id}", enterpriseRoute.PATCH, "PATCH", "rw", () => ({ params: { id: String(w.enterprise.id) }, badParams: { id: projectIds }, base: {}, bad: enterprisePatchBad })],
    ["PATCH /users/{id}", userRoute.PATCH, "PATCH", "session", () => ({ params: { id: String(w.staff.userId) }, badParams: { id: projectIds }, base: { title: "科员" }, bad: userPatchBad })],
    ["POST /users/{id}/memberships", membershipsRoute.POST, "POST", "session", () => ({ params: { id: String(w.staff.userId) }, badParams: { id: projectIds }, base: membershipBase(), bad: membershipFieldBad })],
    ["PATCH /regions/{id}", regionRoute.PATCH, "PATCH", "session", () => ({ params: { id: String(regionId) }, badParams: { id: projectIds }, base: { name: "模糊测试市" }, bad: regionPatchBad })],
    ["PATCH /parks/{id}", parkRoute.PATCH, "PATCH", "session", () => ({ params: { id: String(w.otherPark.id) }, badParams: { id: projectIds }, base: { name: "模糊测试园区" }, bad: parkPatchBad })],
    ["POST /me/password", mePasswordRoute.POST, "POST", "session", () => ({ base: passwordBase(), bad: passwordBad })],
    ["DELETE /users/{id}/memberships/{membershipId}", membershipRoute.DELETE, "DELETE", "session", () => ({ params: { id: String(w.staff.userId), membershipId: String(NOWHERE) }, badParams: { id: projectIds, membershipId: projectIds } })],
    ["POST /users/{id}/password-reset", passwordResetRoute.POST, "POST", "session", () => ({ params: { id: String(NOWHERE) }, badParams: { id: projectIds } })],
    ["POST /supervisions/{id}/reply", supervisionReplyRoute.POST, "POST", "session", () => ({ params: { id: String(letter.id) }, badParams: { id: projectIds }, base: replyBase(), bad: replyBad })],
    ["POST /supervisions/{id}/review", supervisionReviewRoute.POST, "POST", "session", () => ({ params: { id: String(letter.id) }, badParams: { id: projectIds }, base: reviewBase(), bad: reviewBad })],
    ["POST /problems/{id}/handoff/accept", handoffAcceptRoute.POST, "POST", "rw", () => ({ params: { id: String(issue.id) }, badParams: { id: projectIds } })],
    ["POST /meeting-tasks/{id}/complete", meetingTaskCompleteRoute.POST, "POST", "session", () => ({ params: { id: String(NOWHERE) }, badParams: { id: projectIds }, base: { note: "已办结" }, bad: completeBad })],
  ];
  for (const [name, handler, method, auth, cases] of UPDATES) {
    it(`${name}: bad fields, bodies and ids are 4xx, nothing written`, async () => {
      session.actor = name === "POST /me/password" ? pwActor : w.admin;
      await fuzz(apiCases(cases()), async ({ params, body }) => expectApiRefusal(await send(handler, { method, auth, params, body })));
    });
  }
});

// ================================================================ 4. services the server actions call

interface ServiceSpec {
  name: string;
  call: (input: unknown) => Promise<unknown>;
  base: () => Body;
  bad: () => Bad;
  /** Keys whose value is an object or list (not mixed with JS-only scalars). */
  objectKeys?: string[];
  schema?: { safeParse: (v: unknown) => { success: boolean } };
}

const SERVICES: ServiceSpec[] = [
  { name: "createProject", call: (i) => createProject(w.staff, i), base: () => ({ ...projectCreateBase(), liaisonUserId: w.liaison.userId, leaderUserId: w.leader.userId }), bad: () => ({ ...projectBad({ patch: false }), liaisonUserId: id(false, [w.otherStaff.userId]), leaderUserId: id(false, [w.otherStaff.userId]) }), objectKeys: ["specialLists"], schema: projectCreateSchema },
  { name: "updateProject", call: (i) => updateProject(w.staff, signed.id, i), base: () => ({ ...projectCreateBase(), version: signed.version }), bad: () => ({ ...projectBad({ patch: false }), version }), objectKeys: ["specialLists"], schema: projectUpdateSchema },
  { name: "moveProjectStage", call: (i) => moveProjectStage(w.staff, i), base: () => ({ ...moveBase(), projectId: signed.id }), bad: () => ({ ...moveBad, projectId: id(true, [foreignProjectId]) }), objectKeys: ["landed"], schema: moveStageSchema },
  { name: "changeProjectStatus", call: (i) => changeProjectStatus(w.staff, i), base: () => ({ ...statusBase(), projectId: signed.id }), bad: () => ({ ...statusBad, projectId: id(true, [foreignProjectId]) }), schema: statusChangeSchema },
  { name: "createIssue", call: (i) => createIssue(w.staff, i), base: issueBase, bad: issueBad, schema: createIssueSchema },
  { name: "actOnIssue", call: (i) => actOnIssue(w.staff, i), base: () => ({ ...actionBase(), issueId: issue.id }), bad: () => ({ ...actionBad, issueId: id(true) }), schema: issueActionSchema },
  { name: "createVisit", call: (i) => createVisit(w.staff, i), base: visitBase, bad: () => visitBad, objectKeys: ["problems", "problems.0"], schema: createVisitSchema },
  { name: "createEnterprise", call: (i) => createEnterprise(w.staff, i), base: enterpriseCreateBase, bad: enterpriseCreateBad, schema: enterpriseCreateSchema },
  { name: "updateEnterprise", call: (i) => updateEnterprise(w.staff, w.enterprise.id, i), base: () => ({}), bad: () => enterprisePatchBad, schema: enterpriseUpdateSchema },
  {
    name: "mergeEnterprises",
    call: (i) => mergeEnterprises(w.leader, i),
    base: () => ({ survivorId: enterpriseA, duplicateId: enterpriseB, reason: "重复录入" }),
    bad: () => ({ survivorId: id(true), duplicateId: id(true), reason: text(500, true), "+same enterprise": fc.constant({ survivorId: enterpriseA, duplicateId: enterpriseA }) }),
    schema: enterpriseMergeSchema,
  },
  {
    name: "endAssignment",
    call: (i) => endAssignment(w.leader, i),
    base: () => ({ assignmentId: enterpriseAssignmentId, endDate: "2026-11-30", reason: "岗位调整" }),
    bad: () => ({ assignmentId: id(true), endDate: fc.oneof(date({ notFuture: true }), fc.constant("1999-01-01")), reason: text(500) }),
    schema: endAssignmentSchema,
  },
  {
    name: "fileProgressReport",
    call: (i) => fileProgressReport(w.staff, i),
    base: () => ({ ...progressBase(), projectId: w.project.id, year: 2026, month: 10 }),
    bad: () => ({ ...progressBad, projectId: id(true, [foreignProjectId]), year: fc.constantFrom<unknown>(1999, 2101, "abc", 20.5, null, OMIT, -2026, INFINITE), month: fc.constantFrom<unknown>(0, 13, "abc", 1.5, null, OMIT, -1, INFINITE) }),
    schema: progressReportSchema,
  },
  {
    name: "setYearPlan",
    call: (i) => setYearPlan(w.staff, i),
    base: () => ({ projectId: w.project.id, year: 2026, plannedInvestment: "500", planStart: false, planProduction: false, note: null }),
    bad: () => ({ projectId: id(true, [foreignProjectId]), year: fc.constantFrom<unknown>(1999, 2101, "abc", 20.5, null, OMIT), plannedInvestment: money(true), note: text(200) }),
    schema: yearPlanSchema,
  },
  {
    name: "assign",
    call: (i) => assign(w.leader, i),
    base: () => ({ targetType: "ENTERPRISE", targetId: w.otherEnterprise.id, role: "LIAISON", userId: w.strayLiaison.userId, startDate: "2026-11-02", department: "经发局", note: null }),
    bad: () => ({
      targetType: oneOf(ASSIGNMENT_TARGETS, true),
      targetId: id(true),
      role: oneOf(ASSIGNMENT_ROLES, true),
      userId: id(true, [w.otherStaff.userId]),
      startDate: date({ required: true, notFuture: true }),
      department: text(100),
      note: text(500),
      currentAssignmentId: fc.constantFrom<unknown>("abc", -1, 1.5, NOWHERE, {}),
    }),
    schema: assignSchema,
  },
  {
    name: "bulkReassign",
    call: (i) => bulkReassign(w.leader, i),
    base: () => ({ fromUserId: w.liaison.userId, toUserId: w.strayLiaison.userId, startDate: "2026-11-02", parkId: w.park.id, role: "LIAISON" }),
    bad: () => ({
      fromUserId: id(true),
      toUserId: id(true, [w.otherStaff.userId]),
      startDate: date({ required: true, notFuture: true }),
      parkId: id(false, [w.otherPark.id]),
      role: oneOf(ASSIGNMENT_ROLES),
      department: text(100),
      note: text(500),
      "+same person": fc.constant({ toUserId: w.liaison.userId }),
    }),
    schema: bulkReassignSchema,
  },
  {
    name: "upsertHoliday",
    call: (i) => upsertHoliday(w.admin, i),
    base: () => ({ date: "2027-01-01", kind: "HOLIDAY", name: "元旦" }),
    bad: () => ({ date: date({ required: true }), kind: oneOf(["HOLIDAY", "WORKDAY"], true), name: text(30, true), "+workday on a weekday": fc.constant({ kind: "WORKDAY", date: "2027-01-04" }) }),
    schema: holidayUpsertSchema,
  },
  { name: "createRegion", call: (i) => createRegion(w.admin, i), base: () => ({ name: "模糊测试市", code: "FUZZ" }), bad: () => regionCreateBad, schema: regionCreateSchema },
  { name: "updateRegion", call: (i) => updateRegion(w.admin, regionId, i), base: () => ({ name: "模糊测试市" }), bad: () => regionPatchBad, schema: regionUpdateSchema },
  { name: "createPark", call: (i) => createPark(w.admin, i), base: parkCreateBase, bad: parkCreateBad, schema: parkCreateSchema },
  { name: "updatePark", call: (i) => updatePark(w.admin, w.otherPark.id, i), base: () => ({ name: "模糊测试园区" }), bad: () => parkPatchBad, schema: parkUpdateSchema },
  { name: "createUser", call: (i) => createUser(w.admin, i), base: userCreateBase, bad: userCreateBad, objectKeys: ["memberships"], schema: userCreateSchema },
  { name: "updateUser", call: (i) => updateUser(w.admin, w.staff.userId, i), base: () => ({ title: "科员" }), bad: () => userPatchBad, schema: userUpdateSchema },
  { name: "addMembership", call: (i) => addMembership(w.admin, w.staff.userId, i), base: membershipBase, bad: () => membershipFieldBad, schema: membershipSchema },
  { name: "changeOwnPassword", call: (i) => changeOwnPassword(pwActor, i), base: passwordBase, bad: () => passwordBad, schema: passwordChangeSchema },
  {
    name: "createApiToken",
    call: (i) => createApiToken(w.admin, i),
    base: () => ({ name: "模糊测试令牌", scope: "READ", parkIds: [w.park.id], expiresOn: null }),
    bad: () => ({
      name: text(50, true),
      scope: oneOf(API_TOKEN_SCOPES, true),
      parkIds: fc.constantFrom<unknown>([], "1", [0], [-1], [1.5], ["abc"], [NOWHERE], Array.from({ length: 501 }, (_, i) => i + 1), null, {}, OMIT),
      expiresOn: fc.oneof(date(), fc.constantFrom("2020-01-01", addDays(TODAY, -1))),
    }),
    objectKeys: ["parkIds"],
    schema: createApiTokenSchema,
  },
  {
    name: "updateParkSettings",
    call: (i) => updateParkSettings(w.leader, w.park.id, i),
    base: () => ({ staleDaysSigned: 90, staleDaysLanded: 180, staleDaysStarted: 365, visitIntervalDays: 30, startEnabled: true, startRedMonthsLate: 6, progressEnabled: true, progressYellowPoints: 10, progressRedPoints: 20, filingEnabled: true }),
    bad: () => {
      const days = (max: number) => fc.constantFrom<unknown>("abc", 0, -1, max + 1, 1.5, null, "", {}, [], OMIT, INFINITE, "\u0000");
      return {
        staleDaysSigned: days(3650),
        staleDaysLanded: days(3650),
        staleDaysStarted: days(3650),
        visitIntervalDays: days(365),
        // Left out, the rule fields are not read at all: only invalid values here.
        startRedMonthsLate: fc.constantFrom<unknown>("abc", 0, -1, 25, 1.5, null, "", {}, INFINITE),
        progressYellowPoints: days(100),
        progressRedPoints: days(100),
        "+red not above yellow": fc.constant({ progressYellowPoints: 30, progressRedPoints: 30 }),
      };
    },
    schema: parkSettingsWithRulesSchema,
  },
];

describe("4. lib/server writes the server actions call (they parse again)", () => {
  for (const s of SERVICES) {
    it(`${s.name}: invalid input throws an AppError, nothing written`, async () => {
      // A Date or Map parses as an object without keys: refused wherever {} is.
      const empty = Object.keys(s.base()).length === 0;
      const whole = fc.constantFrom<unknown>(undefined, null, 1, "x", [], [s.base()], "{}", true, ...(empty ? [] : [new Map(), new Date()]));
      const arb = fc.oneof({ weight: 9, arbitrary: withBad(s.base(), withJsOnly(s.bad(), s.objectKeys)).map(fromRaw) }, { weight: 1, arbitrary: whole });
      await fuzz(arb, async (input) => expectAppError(() => s.call(input)));
    });
  }

  it("deleteHoliday: a bad date throws an AppError, nothing written", async () => {
    await fuzz(fc.oneof(date({ required: true }), jsOnly), async (d) => expectAppError(() => deleteHoliday(w.admin, d === OMIT ? undefined : d)));
  });
});

// ================================================================ 5. sign-in, search, downloads, uploads

type Authorize = (credentials: unknown, req: unknown) => Promise<unknown>;

describe("5. sign-in, the enterprise search and the downloads", () => {
  it("sign-in (next-auth authorize): bad credentials get the one generic message, nothing counted", async () => {
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
    const password = fc.oneof(fc.string({ maxLength: 20 }), nulText, poisoned);
    const credentials = fc.oneof(
      // Only usernames the sign-in schema refuses: a well-formed wrong one is an attempt, counted by design.
      fc.record({ username: fc.oneof(poisoned, long(64), wrongType, fc.constantFrom<unknown>(null, "", "   ")), password }),
      fc.record({ username: fc.constant(w.staff.username), password: fc.oneof(wrongType, fc.constantFrom<unknown>(null, ""), fc.constant("x".repeat(257)), fc.constant("密".repeat(30_000))) }),
      fc.record({ password }),
      fc.constantFrom<unknown>(undefined, null, {}, { username: { $ne: null }, password: { $ne: null } }, { username: ["a", "b"], password: "x" }),
    );
    await fuzz(credentials, async (c) => {
      await expect(authorize(c, { headers: { "x-forwarded-for": "203.0.113.9" } })).rejects.toThrow(SIGN_IN_FAILED);
    });
  });

  it("GET /api/enterprises/search: bad parameters are 4xx in the API's shape", async () => {
    session.actor = w.staff;
    const arb = badQuery({ q: QV.q(), park: fc.oneof(QV.id, fc.constant(String(NOWHERE))), id: QV.id, purpose: QV.oneOf(["read", "visit", "project"]), limit: fc.constantFrom("0", "51", "abc", "-1", "1.5", "100000", "\u0000") });
    await fuzz(arb, async (query) => expectApiRefusal(await send(searchRoute.GET, { method: "GET", auth: "session", query })));
  });

  const DOWNLOADS: [string, unknown, BadQuery][] = [
    [
      "GET /api/export/projects",
      exportProjectsRoute.GET,
      {
        park: QV.id,
        region: QV.id,
        stage: QV.oneOf(STAGES),
        status: QV.oneOf(PROJECT_STATUSES),
        keyLevel: QV.oneOf(PROJECT_KEY_LEVELS),
        industry: QV.q(50),
        year: QV.year,
        q: QV.q(),
        metric: QV.oneOf(METRICS),
        period: fc.constantFrom("2026-13", "1999-01", "abc", "2026-1", "\u0000"),
        cohort: QV.year,
        page: QV.page,
        pageSize: QV.size([20, 50, 100]),
      },
    ],
    [
      "GET /api/export/issues",
      exportIssuesRoute.GET,
      { park: QV.id, category: QV.oneOf(ISSUE_CATEGORIES), level: fc.constantFrom("0", "4", "abc"), q: QV.q(), raisedFrom: QV.date, closedTo: QV.date, overdue: QV.flag, page: QV.page, pageSize: QV.size([20, 50, 100]) },
    ],
    ["GET /api/export/progress", exportProgressRoute.GET, { park: QV.id, project: QV.id, year: QV.year }],
    ["GET /api/bulletin", bulletinRoute.GET, { month: fc.constantFrom("2026-13", "abc", "1999-12", "2099-01", "\u0000", "2026-1", addDays(TODAY, 40).slice(0, 7)), park: QV.id, region: QV.id, rank: QV.oneOf(INDICATOR_DEFS.map((d) => d.key)) }],
  ];
  for (const [name, handler, bad] of DOWNLOADS) {
    it(`${name}: bad filters are refused by name (422), never a 500`, async () => {
      session.actor = w.admin;
      await fuzz(badQuery(bad), async (query) => {
        const res = await send(handler, { method: "GET", auth: "session", query });
        expect(res.status).toBe(422);
        await expectTextRefusal(res);
      });
    });
  }

  it("GET /api/attachments/{id}: bad and absent ids are 404", async () => {
    session.actor = w.admin;
    await fuzz(fc.oneof(PATH_IDS, fc.constantFrom("999999999", "000000000")), async (id) => {
      const res = await send(attachmentRoute.GET, { method: "GET", auth: "session", params: { id } });
      expect(res.status).toBe(404);
      await expectTextRefusal(res);
    });
  });

  it("POST /api/import/preview and /commit: garbage uploads are refused, nothing imported", async () => {
    session.actor = w.admin;
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.constant(new Uint8Array(0)),
    );
    const upload = fc.oneof(
      fc.tuple(bytes, fc.oneof(fc.constantFrom("台账.xlsx", "a.csv", ""), poisoned.map((n) => `${n}.xlsx`))).map(([b, fileName]) => {
        const form = new FormData();
        form.append("file", new File([new Uint8Array(b)], fileName));
        return form as FormData | string;
      }),
      fc.constantFrom<FormData | string>("not multipart", "", "--x\r\n"),
      bytes.map((b) => {
        const form = new FormData();
        form.append("notfile", new File([new Uint8Array(b)], "台账.xlsx"));
        form.append("file", "a string");
        return form;
      }),
    );
    await fuzz(fc.tuple(fc.constantFrom(importPreviewRoute.POST, importCommitRoute.POST), upload), async ([handler, body]) => {
      const headers = typeof body === "string" ? { "content-type": "multipart/form-data; boundary=x" } : undefined;
      const res = await (handler as Handler)(
        new Request("http://localhost/api/import", { method: "POST", body, headers: { ...headers, cookie: "next-auth.session-token=fuzz" } }),
        { params: Promise.resolve(undefined) },
      );
      const text = await res.text();
      expect(REFUSED, `${res.status} ${text.slice(0, 300)}`).toContain(res.status);
      expect((JSON.parse(text) as { message: string }).message).toMatch(CJK);
    });
  });
});

// ================================================================ what the fuzz found

describe("defects the fuzz found, kept as examples", () => {
  it("a page size that is not a number is refused in Chinese, naming it (problems, visits, projects, coverage)", async () => {
    for (const handler of [problemsRoute.GET, visitsRoute.GET]) {
      for (const v of ["abc", "1e400"]) {
        const res = await send(handler, { method: "GET", auth: "read", query: `?pageSize=${v}` });
        expect(res.status).toBe(422);
        expect(S.apiErrorSchema.parse(await res.json()).error.fields).toEqual([{ path: "pageSize", message: "每页条数须为 20、50 或 100", en: "The page size must be 20, 50 or 100" }]);
      }
    }
    expect(parseIssueFilters({ pageSize: "abc" }).errors).toEqual(["每页条数须为 20、50 或 100"]);
    expect(parseProjectFilters({ pageSize: "abc" }).errors).toEqual(["每页条数须为 20、50 或 100"]);
    expect(parseCoverageFilters({ pageSize: "abc" }).errors).toEqual(["每页条数须为 20、50、100 或 500"]);
  });

  it("park settings that are not an object are refused in Chinese", async () => {
    for (const input of [undefined, null, "x", 1, []]) {
      const e = await caught(updateParkSettings(w.leader, w.park.id, input));
      expect(e.code).toBe("VALIDATION");
      expect(e.message).toBe("请求格式不正确");
    }
  });
});
