// The REST API through its route handlers (the exported GET/POST/PATCH functions called
// with real Request objects) against the real test database: success, validation errors
// with field paths, 401 for missing/revoked/expired tokens, 404 across parks, 403 for a
// read-only token writing, 409 on a stale version, 429 past the rate limit. Every
// response body is parsed with the schema the OpenAPI document publishes.

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/rate-limit";
import * as S from "@/lib/api/schemas";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { createIssue } from "@/lib/server/issues/create-issue";
import * as parksRoute from "@/app/api/v1/parks/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as projectRoute from "@/app/api/v1/projects/[id]/route";
import * as transitionsRoute from "@/app/api/v1/projects/[id]/transitions/route";
import * as problemsRoute from "@/app/api/v1/problems/route";
import * as problemRoute from "@/app/api/v1/problems/[id]/route";
import * as actionsRoute from "@/app/api/v1/problems/[id]/actions/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as indicatorsRoute from "@/app/api/v1/indicators/route";
import * as progressRoute from "@/app/api/v1/projects/[id]/progress/route";
import * as progressMonthRoute from "@/app/api/v1/projects/[id]/progress/[year]/[month]/route";
import { isoToDate } from "@/lib/domain/dates";
import { makeProject, unique } from "../helpers/factories";
import { type IssueWorld, issueInput, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { projectForm } from "../helpers/pipeline-factories";

// As Next calls them: routes without dynamic segments get a params promise of undefined.
type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

interface Call {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

async function call(handler: Handler, method: string, path: string, opts: Call = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { params: Promise.resolve(opts.params) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json); // every error in the one shape
  return { status: res.status, json, headers: res.headers };
}

const fieldPaths = (json: Record<string, unknown>) => (json as z.infer<typeof S.apiErrorSchema>).error.fields.map((f) => f.path);
const errorCode = (json: Record<string, unknown>) => (json as z.infer<typeof S.apiErrorSchema>).error.code;

let w: IssueWorld;
let readA: string;
let rwA: string;
let rwB: string;
let revoked: string;
let expired: string;
let projA: { id: number; version: number };
let projB: { id: number };
let issueA: { id: number; version: number };
let issueB: { id: number };
let enterpriseB: { id: number };

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const db = getDb();
  const mk = (scope: "READ" | "READ_WRITE", parkIds: number[], expiresOn?: string) => createApiToken(w.admin, { name: unique("t"), scope, parkIds, expiresOn });
  readA = (await mk("READ", [w.park.id])).token;
  rwA = (await mk("READ_WRITE", [w.park.id])).token;
  rwB = (await mk("READ_WRITE", [w.otherPark.id])).token;
  const r = await mk("READ", [w.park.id]);
  await revokeApiToken(w.admin, r.id);
  revoked = r.token;
  const e = await mk("READ", [w.park.id]);
  await db.apiToken.update({ where: { id: e.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expired = e.token;

  projA = await makeProject({ parkId: w.park.id, signedDate: "2025-03-01" });
  projB = await makeProject({ parkId: w.otherPark.id });
  enterpriseB = await db.enterprise.create({ data: { parkId: w.otherPark.id, name: unique("外园区企业") } });
  const ia = await createIssue(w.staff, issueInput(w, { raisedDate: "2026-11-02" }));
  issueA = { id: ia.id, version: ia.version };
  issueB = await createIssue(w.otherStaff, { enterpriseId: enterpriseB.id, category: "LAND", title: "用地", description: "用地指标", raisedDate: "2026-11-02" });
});

beforeEach(async () => {
  await getDb().apiRateLimit.deleteMany();
});

describe("authentication", () => {
  const cases: [string, () => string | null, string?][] = [
    ["no token", () => null],
    ["a malformed token", () => "not-a-token"],
    ["an unknown token", () => `ppt_abcdefgh_${"Q".repeat(43)}`],
    ["a revoked token", () => revoked, "接口令牌已被吊销"],
    ["an expired token", () => expired, "接口令牌已过期"],
  ];
  it.each(cases)("401 with %s", async (_label, token, zh) => {
    const res = await call(parksRoute.GET as Handler, "GET", "/parks", { token: token() });
    expect(res.status).toBe(401);
    expect(errorCode(res.json)).toBe("UNAUTHENTICATED");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    if (zh) expect((res.json as z.infer<typeof S.apiErrorSchema>).error.message.zh).toBe(zh);
  });

  it("401 for a Basic header, even with a session cookie absent", async () => {
    const res = await call(parksRoute.GET as Handler, "GET", "/parks", { headers: { authorization: "Basic YWRtaW46eA==" } });
    expect(res.status).toBe(401);
  });

  it("records the token's last use", async () => {
    const t = await createApiToken(w.admin, { name: unique("t"), scope: "READ", parkIds: [w.park.id] });
    await call(parksRoute.GET as Handler, "GET", "/parks", { token: t.token });
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("GET /parks", () => {
  it("lists only the token's parks", async () => {
    const res = await call(parksRoute.GET as Handler, "GET", "/parks", { token: readA });
    expect(res.status).toBe(200);
    expect(S.parkListSchema.parse(res.json).items.map((p) => p.id)).toEqual([w.park.id]);
    expect(res.headers.get("x-ratelimit-limit")).toBe(String(API_RATE_LIMIT_PER_MINUTE));
  });
});

describe("GET /projects", () => {
  it("lists the token's parks only, in the published shape", async () => {
    const res = await call(projectsRoute.GET as Handler, "GET", "/projects?limit=100", { token: readA });
    expect(res.status).toBe(200);
    const list = S.projectListSchema.parse(res.json);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p) => p.parkId === w.park.id)).toBe(true);
    expect(list.items.map((p) => p.id)).toContain(projA.id);
    expect(list.items.map((p) => p.id)).not.toContain(projB.id);
  });

  it("pages by cursor without gaps or repeats, with the total of the whole filter", async () => {
    for (let i = 0; i < 4; i++) await makeProject({ parkId: w.park.id, industry: "电子信息" });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(projectsRoute.GET as Handler, "GET", `/projects?industry=${encodeURIComponent("电子信息")}&limit=3${cursor ? `&cursor=${cursor}` : ""}`, { token: readA });
      const list = S.projectListSchema.parse(res.json);
      expect(list.total).toBe(4);
      seen.push(...list.items.map((p) => p.id));
      cursor = list.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("filters like the board (stage, status, park)", async () => {
    const res = await call(projectsRoute.GET as Handler, "GET", `/projects?park=${w.park.id}&stage=SIGNED&status=ACTIVE&limit=100`, { token: readA });
    expect(res.status).toBe(200);
    expect(S.projectListSchema.parse(res.json).items.every((p) => p.stage === "SIGNED" && p.status === "ACTIVE")).toBe(true);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["stage=DONE", "stage"],
    ["cursor=abc", "cursor"],
    ["year=1999", "year"],
    ["keyLevel=TOP", "keyLevel"],
  ])("422 for ?%s naming %s", async (qs, path) => {
    const res = await call(projectsRoute.GET as Handler, "GET", `/projects?${qs}`, { token: readA });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json)).toEqual([path]);
  });

  it("404 for a park outside the token", async () => {
    const res = await call(projectsRoute.GET as Handler, "GET", `/projects?park=${w.otherPark.id}`, { token: readA });
    expect(res.status).toBe(404);
  });
});

describe("GET /projects/{id}", () => {
  it("reads a project of the token's park", async () => {
    const res = await call(projectRoute.GET as Handler, "GET", `/projects/${projA.id}`, { token: readA, params: { id: String(projA.id) } });
    expect(res.status).toBe(200);
    const p = S.projectDetailSchema.parse(res.json);
    expect(p).toMatchObject({ id: projA.id, parkId: w.park.id, signedDate: "2025-03-01", totalInvestment: "10000.00" });
  });

  it.each([
    ["another park's project (token scoped to park A reading park B)", () => String(projB.id)],
    ["a project that does not exist", () => "2000000000"],
    ["a malformed id", () => "12abc"],
  ])("404 for %s", async (_label, id) => {
    const res = await call(projectRoute.GET as Handler, "GET", `/projects/${id()}`, { token: readA, params: { id: id() } });
    expect(res.status).toBe(404);
    expect(errorCode(res.json)).toBe("NOT_FOUND");
  });
});

describe("POST /projects", () => {
  it("creates a project with a read-write token (201, Location, audited under the token's administrator)", async () => {
    const input = projectForm(w.park.id);
    const res = await call(projectsRoute.POST as Handler, "POST", "/projects", { token: rwA, body: input });
    expect(res.status).toBe(201);
    const created = S.projectCreatedSchema.parse(res.json);
    expect(res.headers.get("location")).toBe(`/api/v1/projects/${created.id}`);
    const row = await getDb().project.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ parkId: w.park.id, name: input.name, stage: "SIGNED" });
    expect(await getDb().auditLog.count({ where: { entityType: "Project", entityId: String(created.id), action: "project.create", actorId: w.admin.userId } })).toBe(1);
  });

  it("403 for a read-only token, nothing written", async () => {
    const before = await getDb().project.count();
    const res = await call(projectsRoute.POST as Handler, "POST", "/projects", { token: readA, body: projectForm(w.park.id) });
    expect(res.status).toBe(403);
    expect(await getDb().project.count()).toBe(before);
  });

  it("404 for a park outside the token", async () => {
    const res = await call(projectsRoute.POST as Handler, "POST", "/projects", { token: rwA, body: projectForm(w.otherPark.id) });
    expect(res.status).toBe(404);
  });

  it.each([
    [{ name: "" }, ["name"]],
    [{ totalInvestment: "100", contractInvestment: "200" }, ["contractInvestment"]],
    [{ signedDate: "2026-13-01" }, ["signedDate"]],
    [{ totalInvestment: "abc", keyLevel: "TOP" }, ["keyLevel", "totalInvestment"]],
  ])("422 for %j naming the fields", async (over, paths) => {
    const res = await call(projectsRoute.POST as Handler, "POST", "/projects", { token: rwA, body: { ...projectForm(w.park.id), ...over } });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json).sort()).toEqual(paths);
  });

  it.each([
    ["malformed JSON", "{ name: ", 400, "BAD_REQUEST"],
    ["an empty body", "", 400, "BAD_REQUEST"],
    ["a JSON array", "[1, 2]", 422, "VALIDATION"],
  ])("%s is a %i", async (_label, rawBody, status, code) => {
    const res = await call(projectsRoute.POST as Handler, "POST", "/projects", { token: rwA, rawBody });
    expect(res.status).toBe(status);
    expect(errorCode(res.json)).toBe(code);
  });
});

describe("PATCH /projects/{id}", () => {
  it("changes only the fields sent, with the version read; a stale version is a 409", async () => {
    const p = await makeProject({ parkId: w.park.id });
    const params = { id: String(p.id) };
    const ok = await call(projectRoute.PATCH as Handler, "PATCH", `/projects/${p.id}`, { token: rwA, params, body: { version: 1, remark: "追加投资", totalInvestment: 12000 } });
    expect(ok.status).toBe(200);
    expect(S.projectUpdatedSchema.parse(ok.json)).toEqual({ version: 2, changed: ["totalInvestment", "remark"] });
    const row = await getDb().project.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.remark).toBe("追加投资");
    expect(row.totalInvestment.toFixed(2)).toBe("12000.00");
    expect(row.name).toBe(p.name);

    const stale = await call(projectRoute.PATCH as Handler, "PATCH", `/projects/${p.id}`, { token: rwA, params, body: { version: 1, remark: "覆盖" } });
    expect(stale.status).toBe(409);
    expect(errorCode(stale.json)).toBe("CONFLICT");
    expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).remark).toBe("追加投资");
  });

  it.each([
    [{ version: 1, nmae: "typo" }, 422, ["nmae"]],
    [{ remark: "no version" }, 422, ["version"]],
    [{ version: 1, contractInvestment: "99999" }, 422, ["contractInvestment"]],
    [{ version: 1, parkId: 999 }, 422, ["parkId"]],
  ])("%j is refused naming the field", async (body, status, paths) => {
    const p = await makeProject({ parkId: w.park.id });
    const res = await call(projectRoute.PATCH as Handler, "PATCH", `/projects/${p.id}`, { token: rwA, params: { id: String(p.id) }, body });
    expect(res.status).toBe(status);
    expect(fieldPaths(res.json)).toEqual(paths);
  });

  it("403 for a read-only token; 404 for another park's project", async () => {
    const body = { version: 1, remark: "x" };
    expect((await call(projectRoute.PATCH as Handler, "PATCH", "/", { token: readA, params: { id: String(projA.id) }, body })).status).toBe(403);
    expect((await call(projectRoute.PATCH as Handler, "PATCH", "/", { token: rwA, params: { id: String(projB.id) }, body })).status).toBe(404);
    expect((await call(projectRoute.PATCH as Handler, "PATCH", "/", { token: rwB, params: { id: String(projA.id) }, body })).status).toBe(404);
  });
});

describe("POST /projects/{id}/transitions", () => {
  it("moves a project forward with the business dates of the stages reached", async () => {
    const p = await makeProject({ parkId: w.park.id, signedDate: "2025-03-01" });
    const res = await call(transitionsRoute.POST as Handler, "POST", "/", {
      token: rwA,
      params: { id: String(p.id) },
      body: { version: 1, toStage: "STARTED", landed: { date: "2025-05-01", registrationDate: "2025-04-20" }, started: { date: "2025-06-01" } },
    });
    expect(res.status).toBe(200);
    expect(S.transitionResultSchema.parse(res.json)).toEqual({ version: 2 });
    const row = await getDb().project.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.stage).toBe("STARTED");
    expect(await getDb().stageEvent.count({ where: { projectId: p.id } })).toBe(2);
  });

  it.each([
    ["a missing business date", { version: 1, toStage: "LANDED", landed: {} }, 422, "landed.date"],
    ["an unknown stage", { version: 1, toStage: "DONE" }, 422, "toStage"],
    ["an unknown status action", { version: 1, action: "PAUSE", date: "2025-06-01", reason: "x" }, 422, "action"],
  ])("422 for %s, naming %s", async (_label, body, status, path) => {
    const p = await makeProject({ parkId: w.park.id });
    const res = await call(transitionsRoute.POST as Handler, "POST", "/", { token: rwA, params: { id: String(p.id) }, body });
    expect(res.status).toBe(status);
    expect(fieldPaths(res.json)).toContain(path);
  });

  it("403 for a status change with a token (corrections stay with signed-in leaders) and for a read-only token", async () => {
    const p = await makeProject({ parkId: w.park.id });
    const suspend = await call(transitionsRoute.POST as Handler, "POST", "/", {
      token: rwA,
      params: { id: String(p.id) },
      body: { version: 1, action: "SUSPEND", date: "2025-06-01", reason: "企业资金链紧张" },
    });
    expect(suspend.status).toBe(403);
    const move = await call(transitionsRoute.POST as Handler, "POST", "/", { token: readA, params: { id: String(p.id) }, body: { version: 1, toStage: "LANDED", landed: { date: "2025-05-01" } } });
    expect(move.status).toBe(403);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(1);
  });

  it("404 for another park's project", async () => {
    const res = await call(transitionsRoute.POST as Handler, "POST", "/", { token: rwA, params: { id: String(projB.id) }, body: { version: 1, toStage: "LANDED", landed: { date: "2025-05-01" } } });
    expect(res.status).toBe(404);
  });
});

describe("problems", () => {
  it("GET /problems lists the token's parks only", async () => {
    const res = await call(problemsRoute.GET as Handler, "GET", "/problems?pageSize=100", { token: readA });
    expect(res.status).toBe(200);
    const list = S.issueListSchema.parse(res.json);
    expect(list.items.map((i) => i.id)).toContain(issueA.id);
    expect(list.items.every((i) => i.parkId === w.park.id)).toBe(true);
  });

  it.each([
    ["level=9", "level"],
    ["pageSize=7", "pageSize"],
    ["raisedFrom=yesterday", "raisedFrom"],
  ])("GET /problems?%s is a 422 naming %s", async (qs, path) => {
    const res = await call(problemsRoute.GET as Handler, "GET", `/problems?${qs}`, { token: readA });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json)).toEqual([path]);
  });

  it("GET /problems?park=<other park> is a 404", async () => {
    expect((await call(problemsRoute.GET as Handler, "GET", `/problems?park=${w.otherPark.id}`, { token: readA })).status).toBe(404);
  });

  it("GET /problems/{id} returns its events; another park's problem is a 404", async () => {
    const ok = await call(problemRoute.GET as Handler, "GET", "/", { token: readA, params: { id: String(issueA.id) } });
    expect(ok.status).toBe(200);
    const issue = S.issueDetailSchema.parse(ok.json);
    expect(issue.events.length).toBeGreaterThan(0);
    expect(issue.actions).toEqual([]); // read-only token: no steps offered
    expect((await call(problemRoute.GET as Handler, "GET", "/", { token: readA, params: { id: String(issueB.id) } })).status).toBe(404);
  });

  it("POST /problems logs a problem with a read-write token; 403 read-only; 404 another park's enterprise; 422 naming fields", async () => {
    const body = issueInput(w, { raisedDate: "2026-11-10" });
    const created = await call(problemsRoute.POST as Handler, "POST", "/problems", { token: rwA, body });
    expect(created.status).toBe(201);
    expect(S.issueCreatedSchema.parse(created.json).version).toBe(1);
    expect((await call(problemsRoute.POST as Handler, "POST", "/problems", { token: readA, body })).status).toBe(403);
    expect((await call(problemsRoute.POST as Handler, "POST", "/problems", { token: rwA, body: { ...body, enterpriseId: enterpriseB.id, projectId: null } })).status).toBe(404);
    const bad = await call(problemsRoute.POST as Handler, "POST", "/problems", { token: rwA, body: { ...body, title: "", category: "WEATHER" } });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["category", "title"]);
  });

  it("POST /problems/{id}/actions takes a step with the version read; stale is 409, bad action 422, other park 404", async () => {
    const params = { id: String(issueA.id) };
    const ok = await call(actionsRoute.POST as Handler, "POST", "/", { token: rwA, params, body: { version: issueA.version, action: "comment", note: "已电话联系企业" } });
    expect(ok.status).toBe(200);
    expect(S.issueActedSchema.parse(ok.json).version).toBe(issueA.version + 1);
    const stale = await call(actionsRoute.POST as Handler, "POST", "/", { token: rwA, params, body: { version: issueA.version, action: "comment", note: "again" } });
    expect(stale.status).toBe(409);
    const bad = await call(actionsRoute.POST as Handler, "POST", "/", { token: rwA, params, body: { version: issueA.version + 1, action: "fly" } });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json)).toEqual(["action"]);
    expect((await call(actionsRoute.POST as Handler, "POST", "/", { token: readA, params, body: { version: 2, action: "comment", note: "x" } })).status).toBe(403);
    expect((await call(actionsRoute.POST as Handler, "POST", "/", { token: rwA, params: { id: String(issueB.id) }, body: { version: 1, action: "comment", note: "x" } })).status).toBe(404);
  });
});

describe("monthly progress", () => {
  async function startedProject(parkId: number) {
    const p = await makeProject({ parkId, stage: "STARTED", signedDate: "2025-03-01" });
    await getDb().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate("2025-06-01"), landedDate: isoToDate("2025-05-01"), stageDate: isoToDate("2025-06-01") } });
    return p;
  }
  const month = { investmentCompleted: "1250.5", fundsArrived: 800, imageProgress: "主体结构施工" };

  it("files a month (201), refuses a second filing without the version (409), corrects with it (200), and lists it", async () => {
    const p = await startedProject(w.park.id);
    const params = { id: String(p.id), year: "2025", month: "7" };
    const first = await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: rwA, params, body: month });
    expect(first.status).toBe(201);
    expect(S.progressFiledSchema.parse(first.json)).toMatchObject({ projectId: p.id, year: 2025, month: 7, version: 1, created: true });
    const again = await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: rwA, params, body: month });
    expect(again.status).toBe(409);
    const fix = await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: rwA, params, body: { ...month, investmentCompleted: "1300", version: 1 } });
    expect(fix.status).toBe(200);
    expect(S.progressFiledSchema.parse(fix.json)).toMatchObject({ version: 2, created: false });

    const list = await call(progressRoute.GET as Handler, "GET", `/projects/${p.id}/progress`, { token: readA, params: { id: String(p.id) } });
    expect(list.status).toBe(200);
    const data = S.progressListSchema.parse(list.json);
    expect(data.rows.map((r) => [r.year, r.month, r.investmentCompleted, r.version])).toEqual([[2025, 7, "1300.00", 2]]);
    expect(data.history.map((h) => h.action)).toEqual(["progress.correct", "progress.file"]);
    expect(data.totals.investmentTotal).toBe("1300.00");
  });

  it.each([
    [{ year: "2025", month: "13" }, month, ["month"]],
    [{ year: "20x5", month: "7" }, month, ["year"]],
    [{ year: "2025", month: "7" }, { ...month, imageProgress: "" }, ["imageProgress"]],
    [{ year: "2025", month: "7" }, { ...month, fundsArrived: "-5" }, ["fundsArrived"]],
    [{ year: "2025", month: "4" }, month, ["month"]],
  ])("PUT %j with %j is a 422 naming %j", async (ym, body, paths) => {
    const p = await startedProject(w.park.id);
    const res = await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: rwA, params: { id: String(p.id), ...ym }, body });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json)).toEqual(paths);
  });

  it("403 for a read-only token; 404 for another park's project; bad paging is a 422", async () => {
    const b = await startedProject(w.otherPark.id);
    const a = await startedProject(w.park.id);
    expect((await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: readA, params: { id: String(a.id), year: "2025", month: "7" }, body: month })).status).toBe(403);
    expect((await call(progressMonthRoute.PUT as Handler, "PUT", "/", { token: rwA, params: { id: String(b.id), year: "2025", month: "7" }, body: month })).status).toBe(404);
    expect((await call(progressRoute.GET as Handler, "GET", "/", { token: readA, params: { id: String(b.id) } })).status).toBe(404);
    const bad = await call(progressRoute.GET as Handler, "GET", "/x?pageSize=500", { token: readA, params: { id: String(a.id) } });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json)).toEqual(["pageSize"]);
  });
});

describe("GET /indicators", () => {
  it("gives the dashboard's figures for the token's parks", async () => {
    const res = await call(indicatorsRoute.GET as Handler, "GET", "/indicators?year=2026&through=10&cohort=2025", { token: readA });
    expect(res.status).toBe(200);
    const data = S.indicatorsSchema.parse(res.json);
    expect(data.parkIds).toEqual([w.park.id]);
    expect(data.period).toEqual({ year: 2026, through: 10, cohort: 2025 });
    const signed2025 = await getDb().project.count({ where: { parkId: w.park.id, signedDate: { gte: new Date("2025-01-01"), lt: new Date("2026-01-01") } } });
    expect(data.counts.signed).toBe(signed2025);
    expect(data.indicators.map((i) => i.key)).toContain("startCohort");
  });

  it.each([
    ["through=13", "through"],
    ["year=abc", "year"],
  ])("422 for ?%s naming %s", async (qs, path) => {
    const res = await call(indicatorsRoute.GET as Handler, "GET", `/indicators?${qs}`, { token: readA });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json)).toEqual([path]);
  });

  it("404 for a park outside the token", async () => {
    expect((await call(indicatorsRoute.GET as Handler, "GET", `/indicators?park=${w.otherPark.id}`, { token: readA })).status).toBe(404);
  });
});

describe("rate limit", () => {
  it(`answers 429 with Retry-After after ${API_RATE_LIMIT_PER_MINUTE} requests a minute, per token`, async () => {
    for (let i = 0; i < API_RATE_LIMIT_PER_MINUTE; i++) {
      const res = await call(parksRoute.GET as Handler, "GET", "/parks", { token: readA });
      expect(res.status).toBe(200);
    }
    const limited = await call(parksRoute.GET as Handler, "GET", "/parks", { token: readA });
    expect(limited.status).toBe(429);
    expect(errorCode(limited.json)).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(parksRoute.GET as Handler, "GET", "/parks", { token: rwA })).status).toBe(200);
  });
});

describe("GET /openapi.json", () => {
  const get = (query = "") => openapiRoute.GET(new Request(`http://localhost/api/v1/openapi.json${query}`));
  type Doc = { openapi: string; info: { title: string }; tags: { name: string }[] };

  it("is public, in Chinese by default", async () => {
    const res = get();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("园区项目推进系统 REST API");
    expect(((await get("?lang=zh-CN").json()) as Doc).tags[0].name).toBe("园区");
  });

  it("is in English with ?lang=en, and refuses another lang with 422 naming it", async () => {
    const en = get("?lang=en");
    expect(en.status).toBe(200);
    const doc = (await en.json()) as Doc;
    expect(doc.info.title).toBe("Park Project Tracker REST API");
    expect(JSON.stringify(doc.tags)).not.toMatch(/\p{Script=Han}/u);
    const bad = get("?lang=fr");
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; fields: { path: string; message: string; en: string }[] } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fields).toEqual([{ path: "lang", message: "导出语言 lang 须为 zh-CN 或 en", en: "The export language lang must be zh-CN or en" }]);
  });
});
