// The REST API's project endpoints and the ledger: opening balances on create and update,
// POST refusing unknown fields as PATCH does, the evidence of a reached stage kept, and a
// park leader's session suspending, terminating and resuming through /transitions (the
// permission the pipeline service needs, not the route's). Route handlers called with real
// Requests against the test database; error bodies parsed with the published schema.

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import * as S from "@/lib/api/schemas";
import { type Actor } from "@/lib/domain/permissions";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as projectRoute from "@/app/api/v1/projects/[id]/route";
import * as transitionsRoute from "@/app/api/v1/projects/[id]/transitions/route";
import { makeProject, unique } from "../helpers/factories";
import { type IssueWorld, makeIssueWorld } from "../helpers/issue-factories";
import { projectForm } from "../helpers/pipeline-factories";

// next-auth's session needs Next's request scope: here the signed-in person is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

async function call(handler: unknown, method: string, opts: { token?: string; as?: Actor; body?: unknown; id?: number }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.as) {
    session.actor = opts.as;
    headers.cookie = "next-auth.session-token=test";
  }
  const req = new Request("http://localhost/api/v1/projects", { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await (handler as Handler)(req, { params: Promise.resolve(opts.id ? { id: String(opts.id) } : undefined) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json);
  return { status: res.status, json };
}
const fields = (json: unknown) => Object.fromEntries((json as z.infer<typeof S.apiErrorSchema>).error.fields.map((f) => [f.path, f.message]));

let w: IssueWorld;
let rw: string;
let read: string;

beforeAll(async () => {
  w = await makeIssueWorld();
  rw = (await createApiToken(w.admin, { name: unique("t"), scope: "READ_WRITE", parkIds: [w.park.id] })).token;
  read = (await createApiToken(w.admin, { name: unique("t"), scope: "READ", parkIds: [w.park.id] })).token;
});

beforeEach(async () => {
  session.actor = null;
  await getDb().apiRateLimit.deleteMany();
});

describe("opening balances through the API", () => {
  it("POST /projects sets them; PATCH changes them (audited); GET returns them", async () => {
    const body = { ...projectForm(w.park.id), investmentCompletedBefore: "1,200.5", fundsArrivedBefore: 300 };
    const created = await call(projectsRoute.POST, "POST", { token: rw, body });
    expect(created.status).toBe(201);
    const { id } = S.projectCreatedSchema.parse(created.json);
    const got = S.projectDetailSchema.parse((await call(projectRoute.GET, "GET", { token: rw, id })).json);
    expect([got.investmentCompletedBefore, got.fundsArrivedBefore]).toEqual(["1200.50", "300.00"]);

    const patched = await call(projectRoute.PATCH, "PATCH", { token: rw, id, body: { version: got.version, fundsArrivedBefore: "450" } });
    expect(patched.status).toBe(200);
    expect(S.projectUpdatedSchema.parse(patched.json).changed).toEqual(["fundsArrivedBefore"]);
    const after = S.projectDetailSchema.parse((await call(projectRoute.GET, "GET", { token: rw, id })).json);
    expect([after.investmentCompletedBefore, after.fundsArrivedBefore]).toEqual(["1200.50", "450.00"]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityType: "Project", entityId: String(id), action: "project.update" }, orderBy: { id: "desc" } });
    expect([audit.before, audit.after]).toEqual([{ fundsArrivedBefore: "300.00" }, { fundsArrivedBefore: "450.00" }]);

    const bad = await call(projectRoute.PATCH, "PATCH", { token: rw, id, body: { version: after.version, investmentCompletedBefore: "-5" } });
    expect(bad.status).toBe(422);
    expect(fields(bad.json)).toEqual({ investmentCompletedBefore: "期初累计完成投资不能为负数" });
  });

  it("POST /projects refuses unknown fields, naming each, and creates nothing", async () => {
    const name = unique("未知字段");
    const res = await call(projectsRoute.POST, "POST", { token: rw, body: { ...projectForm(w.park.id, { name }), totalInvestmnet: "1", openingBalance: "5" } });
    expect(res.status).toBe(422);
    expect(fields(res.json)).toEqual({ totalInvestmnet: "不支持的字段：totalInvestmnet", openingBalance: "不支持的字段：openingBalance" });
    expect(await getDb().project.count({ where: { name } })).toBe(0);
  });

  it("PATCH cannot blank the registration date of a landed project", async () => {
    const p = await makeProject({ parkId: w.park.id, stage: "LANDED" });
    await getDb().project.update({ where: { id: p.id }, data: { registeredDate: new Date(Date.UTC(2025, 3, 1)) } });
    const res = await call(projectRoute.PATCH, "PATCH", { token: rw, id: p.id, body: { version: 1, registeredDate: null } });
    expect(res.status).toBe(422);
    expect(fields(res.json)).toEqual({ registeredDate: "项目已落地，注册日期是落地的依据，不能清空" });
  });
});

describe("POST /projects/{id}/transitions with a park leader's session", () => {
  it("suspends, resumes and terminates (project.correct), while a stage move stays with staff (project.write)", async () => {
    const p = await makeProject({ parkId: w.park.id, signedDate: "2025-03-01" });
    const transition = (as: Actor, body: Record<string, unknown>) => call(transitionsRoute.POST, "POST", { as, id: p.id, body });
    const status = async () => (await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).status;

    expect((await transition(w.leader, { version: 1, action: "SUSPEND", date: "2025-06-01", reason: "企业资金链紧张" })).status).toBe(200);
    expect(await status()).toBe("SUSPENDED");
    expect((await transition(w.leader, { version: 2, action: "RESUME", date: "2025-07-01", reason: "资金到位" })).status).toBe(200);
    expect(await status()).toBe("ACTIVE");

    // Staff move forward; a leader cannot, nor can staff suspend.
    const leaderMove = await transition(w.leader, { version: 3, toStage: "LANDED", landed: { date: "2025-08-01", registrationDate: "2025-07-20" } });
    expect(leaderMove.status).toBe(403);
    expect((await transition(w.staff, { version: 3, action: "SUSPEND", date: "2025-08-01", reason: "x" })).status).toBe(403);
    expect((await transition(w.staff, { version: 3, toStage: "LANDED", landed: { date: "2025-08-01", registrationDate: "2025-07-20" } })).status).toBe(200);

    expect((await transition(w.leader, { version: 4, action: "TERMINATE", date: "2025-09-01", reason: "企业解约" })).status).toBe(200);
    expect(await status()).toBe("TERMINATED");
    const actions = (await getDb().auditLog.findMany({ where: { entityType: "Project", entityId: String(p.id) }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual([
      ["project.suspend", w.leader.userId],
      ["project.resume", w.leader.userId],
      ["project.move", w.staff.userId],
      ["project.terminate", w.leader.userId],
    ]);
  });

  it("still refuses a read-only token, and a token's status change (tokens have no project.correct)", async () => {
    const p = await makeProject({ parkId: w.park.id });
    const body = { version: 1, action: "SUSPEND", date: "2025-06-01", reason: "x" };
    expect((await call(transitionsRoute.POST, "POST", { token: read, id: p.id, body })).status).toBe(403);
    expect((await call(transitionsRoute.POST, "POST", { token: rw, id: p.id, body })).status).toBe(403);
    // A region leader reads the park but changes nothing.
    expect((await call(transitionsRoute.POST, "POST", { as: w.regionLeader, id: p.id, body })).status).toBe(403);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(1);
  });
});
