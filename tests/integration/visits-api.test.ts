// GET /api/v1/visits through its route handler against the real test database: the
// filters as query parameters, paging, 422 naming a bad parameter, 401, other parks (404
// for a park filter, nothing for another park's enterprise) and a liaison's narrower view
// when signed in. Every body is parsed with the schema the OpenAPI document publishes.

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import * as S from "@/lib/api/schemas";
import { isoToDate } from "@/lib/domain/dates";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { type Actor } from "@/lib/domain/permissions";
import * as visitsRoute from "@/app/api/v1/visits/route";
import { unique } from "../helpers/factories";
import { type IssueWorld, makeIssueWorld } from "../helpers/issue-factories";

// The browser session is next-auth's, which needs Next's request scope; here the signed-in
// person is whoever the test says, and a request counts as signed in when it carries the cookie.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;
const GET = visitsRoute.GET as Handler;

async function get(query: string, opts: { token?: string; cookie?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = "next-auth.session-token=test";
  const res = await GET(new Request(`http://localhost/api/v1/visits${query}`, { headers }), { params: Promise.resolve(undefined) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json);
  return { status: res.status, json };
}
const list = (json: unknown) => S.visitListSchema.parse(json);
const fieldPaths = (json: unknown) => (json as z.infer<typeof S.apiErrorSchema>).error.fields.map((f) => f.path);

let w: IssueWorld;
let readA: string;
let revoked: string;
let otherEnterprise: { id: number; name: string };

beforeAll(async () => {
  w = await makeIssueWorld();
  const db = getDb();
  readA = (await createApiToken(w.admin, { name: unique("t"), scope: "READ", parkIds: [w.park.id] })).token;
  const r = await createApiToken(w.admin, { name: unique("t"), scope: "READ", parkIds: [w.park.id] });
  await revokeApiToken(w.admin, r.id);
  revoked = r.token;
  const e = await db.enterprise.create({ data: { parkId: w.otherPark.id, name: unique("外园区走访企业") }, select: { id: true, name: true } });
  otherEnterprise = e;
  const visit = (parkId: number, enterpriseId: number, liaisonId: number, date: string, kind: "ON_SITE" | "PHONE" | "MEETING", projectId: number | null = null) => ({
    parkId,
    enterpriseId,
    projectId,
    liaisonId,
    visitDate: isoToDate(date),
    kind,
    summary: `走访 ${date}`,
  });
  await db.visit.createMany({
    data: [
      // The liaison's enterprise: three visits by the liaison.
      visit(w.park.id, w.enterprise.id, w.liaison.userId, "2026-09-03", "ON_SITE", w.project.id),
      visit(w.park.id, w.enterprise.id, w.liaison.userId, "2026-10-05", "PHONE"),
      visit(w.park.id, w.enterprise.id, w.liaison.userId, "2026-10-20", "MEETING"),
      // An enterprise nobody assigned to the liaison: staff visits, 22 of them in August.
      visit(w.park.id, w.otherEnterprise.id, w.staff.userId, "2026-10-07", "ON_SITE"),
      ...Array.from({ length: 22 }, (_, i) => visit(w.park.id, w.otherEnterprise.id, w.staff.userId, `2026-08-${String(i + 1).padStart(2, "0")}`, "PHONE")),
      // Another park.
      visit(w.otherPark.id, otherEnterprise.id, w.otherStaff.userId, "2026-10-09", "ON_SITE"),
    ],
  });
});

beforeEach(async () => {
  await getDb().apiRateLimit.deleteMany();
  session.actor = null;
});

describe("GET /visits", () => {
  it("lists the token's park only, newest first, in the published shape", async () => {
    const res = await get("?pageSize=100", { token: readA });
    expect(res.status).toBe(200);
    const body = list(res.json);
    expect(body.total).toBe(26);
    expect(body.items.every((v) => v.parkId === w.park.id)).toBe(true);
    expect(body.items.map((v) => v.enterpriseId)).not.toContain(otherEnterprise.id);
    const dates = body.items.map((v) => v.visitDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(body.items[0]).toMatchObject({ visitDate: "2026-10-20", kind: "MEETING", enterpriseName: w.enterprise.name, liaisonName: w.liaison.name, issueCount: 0 });
    const withProject = body.items.find((v) => v.visitDate === "2026-09-03")!;
    expect(withProject.projectId).toBe(w.project.id);
    expect(withProject.projectName).toEqual(expect.any(String));
  });

  it("filters by month, enterprise, visitor, kind and enterprise name", async () => {
    const oct = list((await get("?month=2026-10", { token: readA })).json);
    expect(oct.items.map((v) => v.visitDate)).toEqual(["2026-10-20", "2026-10-07", "2026-10-05"]);
    expect(list((await get(`?enterprise=${w.enterprise.id}`, { token: readA })).json).total).toBe(3);
    expect(list((await get(`?liaison=${w.staff.userId}&month=2026-08`, { token: readA })).json).total).toBe(22);
    expect(list((await get(`?kind=PHONE&enterprise=${w.enterprise.id}`, { token: readA })).json).items.map((v) => v.visitDate)).toEqual(["2026-10-05"]);
    const byName = list((await get(`?q=${encodeURIComponent(w.otherEnterprise.name.slice(2, 10))}`, { token: readA })).json);
    expect(byName.total).toBe(23);
    expect(list((await get(`?q=${encodeURIComponent("没有这家企业%")}`, { token: readA })).json).total).toBe(0);
  });

  it("pages without gaps or repeats", async () => {
    const first = list((await get("?pageSize=20", { token: readA })).json);
    const second = list((await get("?pageSize=20&page=2", { token: readA })).json);
    expect([first.pageCount, first.items.length, second.items.length]).toEqual([2, 20, 6]);
    const ids = [...first.items, ...second.items].map((v) => v.id);
    expect(new Set(ids).size).toBe(26);
  });

  it.each([
    ["month=2026-13", "month"],
    ["kind=EMAIL", "kind"],
    ["pageSize=30", "pageSize"],
    ["liaison=abc", "liaison"],
    ["from=2026-02-30", "from"],
    ["page=0", "page"],
  ])("422 for ?%s naming %s", async (qs, path) => {
    const res = await get(`?${qs}`, { token: readA });
    expect(res.status).toBe(422);
    expect(fieldPaths(res.json)).toEqual([path]);
  });

  it("the error's English is the specific message where the server's Chinese has a known shape, else the code's", async () => {
    const bad = (await get("?from=2026-02-30", { token: readA })).json as { error: { message: { zh: string; en: string } } };
    expect(bad.error.message).toEqual({ zh: "查询参数有误", en: "The query parameters are invalid" });
    const other = (await get(`?park=${w.otherPark.id}`, { token: readA })).json as { error: { message: { zh: string; en: string } } };
    expect(other.error.message.en).toMatch(/does not exist or you may not see it|Not found/);
  });

  it("401 without a token, or with a revoked one", async () => {
    expect((await get("")).status).toBe(401);
    expect((await get("", { token: revoked })).status).toBe(401);
  });

  it("another park: 404 for its park filter, nothing for its enterprise", async () => {
    expect((await get(`?park=${w.otherPark.id}`, { token: readA })).status).toBe(404);
    const res = await get(`?enterprise=${otherEnterprise.id}`, { token: readA });
    expect(res.status).toBe(200);
    expect(list(res.json).total).toBe(0);
  });

  it("a signed-in liaison sees their own visits and their enterprises' only", async () => {
    session.actor = w.liaison;
    const mine = list((await get("?pageSize=100", { cookie: true })).json);
    expect(mine.items.map((v) => v.visitDate)).toEqual(["2026-10-20", "2026-10-05", "2026-09-03"]);
    expect(list((await get(`?enterprise=${w.otherEnterprise.id}`, { cookie: true })).json).total).toBe(0);
    session.actor = w.strayLiaison;
    expect(list((await get("", { cookie: true })).json).total).toBe(0);
    session.actor = w.regionLeader;
    expect(list((await get("?month=2026-10&pageSize=100", { cookie: true })).json).total).toBe(4);
  });
});
