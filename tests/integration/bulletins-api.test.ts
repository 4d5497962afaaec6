// /api/v1/bulletins through its route handlers against the real test database: publishing
// with a leader's session (201, then 409 for the same month and scope, a corrected version
// with supersedes and reason), 403 in the API error shape for API tokens and for staff, 422
// naming the field, the paged list and one bulletin as frozen (404 outside the caller's
// parks). Every body is parsed with the schema the OpenAPI document publishes.

import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import * as B from "@/lib/api/bulletin-schemas";
import * as S from "@/lib/api/schemas";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import * as bulletinsRoute from "@/app/api/v1/bulletins/route";
import * as bulletinRoute from "@/app/api/v1/bulletins/[id]/route";
import { makeActor, makePark, makeProject, makeRegion, unique } from "../helpers/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

async function call(handler: Handler, method: string, path: string, opts: { as?: Actor; token?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {};
  session.actor = opts.as ?? null;
  if (opts.as) headers.cookie = "next-auth.session-token=test";
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const res = await handler(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { params: Promise.resolve(opts.params) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json);
  return { status: res.status, json, headers: res.headers };
}
const error = (json: unknown) => (json as z.infer<typeof S.apiErrorSchema>).error;

let parkA: number;
let parkB: number;
let regionId: number;
let leaderA: Actor;
let staffA: Actor;
let regionLeader: Actor;
let leaderB: Actor;
let readToken: string;
let writeToken: string;

beforeAll(async () => {
  const region = await makeRegion();
  regionId = region.id;
  const [a, b] = await Promise.all([makePark(region.id), makePark(region.id)]);
  parkA = a.id;
  parkB = b.id;
  const admin = await makeActor([{ role: "ADMIN" }]);
  [leaderA, staffA, regionLeader, leaderB] = await Promise.all([
    makeActor([{ role: "PARK_LEADER", parkId: parkA }]),
    makeActor([{ role: "PARK_STAFF", parkId: parkA }]),
    makeActor([{ role: "REGION_LEADER", regionId: region.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: parkB }]),
  ]);
  const p = await makeProject({ parkId: parkA, stage: "STARTED", signedDate: "2026-02-01" });
  await getDb().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate("2026-03-01") } });
  await makeProject({ parkId: parkB, signedDate: "2026-03-01" });
  readToken = (await createApiToken(admin, { name: unique("t"), scope: "READ", parkIds: [parkA, parkB] })).token;
  writeToken = (await createApiToken(admin, { name: unique("t"), scope: "READ_WRITE", parkIds: [parkA, parkB] })).token;
});

const POST = bulletinsRoute.POST as Handler;
const LIST = bulletinsRoute.GET as Handler;
const ONE = bulletinRoute.GET as Handler;

describe("/api/v1/bulletins", () => {
  let published: number;

  it("publishes with a park leader's session: 201 with Location, then the same month again is 409", async () => {
    const res = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: parkA, month: "2026-08", rank: "startCohort" } });
    expect(res.status).toBe(201);
    const created = B.publishedBulletinCreatedSchema.parse(res.json);
    expect(created).toMatchObject({ revision: 1, supersededId: null });
    expect(res.headers.get("location")).toBe(`/api/v1/bulletins/${created.id}`);
    published = created.id;

    const again = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: parkA, month: "2026-08" } });
    expect(again.status).toBe(409);
    expect(error(again.json).message.zh).toMatch(/不能重复发布/);
  });

  it("refuses API tokens (403 in the API error shape, even read-write ones) and staff; nothing is written", async () => {
    const before = await getDb().publishedBulletin.count();
    for (const token of [readToken, writeToken]) {
      const res = await call(POST, "POST", "/bulletins", { token, body: { park: parkA, month: "2026-07" } });
      expect(res.status).toBe(403);
      expect(error(res.json).code).toBe("FORBIDDEN");
      expect(error(res.json).message.zh).toMatch(/不接受接口令牌/);
    }
    const staff = await call(POST, "POST", "/bulletins", { as: staffA, body: { park: parkA, month: "2026-07" } });
    expect(staff.status).toBe(403);
    const parkLeaderOnRegion = await call(POST, "POST", "/bulletins", { as: leaderA, body: { region: regionId, month: "2026-07" } });
    expect(parkLeaderOnRegion.status).toBe(403);
    expect(error(parkLeaderOnRegion.json).message.zh).toMatch(/市州领导或系统管理员/);
    const otherPark = await call(POST, "POST", "/bulletins", { as: leaderB, body: { park: parkA, month: "2026-07" } });
    expect(otherPark.status).toBe(404);
    expect(await getDb().publishedBulletin.count()).toBe(before);
  });

  it("names bad fields (422) and answers malformed JSON with 400, never 500", async () => {
    const bad = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: "abc", month: "2026-13", rank: "x" } });
    expect(bad.status).toBe(422);
    expect(error(bad.json).fields.map((f) => f.path).sort()).toEqual(["month", "park", "rank"]);
    expect(error(bad.json).fields.find((f) => f.path === "month")?.message).toBe("通报月份须为 年-月，如 2026-10");
    const reason = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: parkA, month: "2026-08", supersedes: published } });
    expect(reason.status).toBe(422);
    expect(error(reason.json).fields).toEqual([{ path: "reason", message: "请填写更正原因", en: "Please fill in the correction reason" }]);
    const malformed = await call(POST, "POST", "/bulletins", { as: leaderA, body: "{not json" });
    expect(malformed.status).toBe(400);
    const array = await call(POST, "POST", "/bulletins", { as: leaderA, body: [1] });
    expect(array.status).toBe(422);
    const huge = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: parkA, month: "2026-08", supersedes: 99999999999, reason: "x" } });
    expect(huge.status).toBe(422);
  });

  it("publishes a corrected version with supersedes and reason", async () => {
    const res = await call(POST, "POST", "/bulletins", { as: leaderA, body: { park: parkA, month: "2026-08", supersedes: published, reason: "排名指标选错" } });
    expect(res.status).toBe(201);
    expect(B.publishedBulletinCreatedSchema.parse(res.json)).toMatchObject({ revision: 2, supersededId: published });
  });

  it("lists and reads published bulletins with a token or a session; other parks' are not there", async () => {
    const regional = await call(POST, "POST", "/bulletins", { as: regionLeader, body: { region: regionId, month: "2026-08" } });
    expect(regional.status).toBe(201);
    const regionalId = B.publishedBulletinCreatedSchema.parse(regional.json).id;

    const list = await call(LIST, "GET", `/bulletins?park=${parkA}&pageSize=1`, { token: readToken });
    expect(list.status).toBe(200);
    const page = B.publishedBulletinListSchema.parse(list.json);
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 });
    expect(page.items[0]).toMatchObject({ revision: 2, supersedes: { id: published, revision: 1 }, correctionReason: "排名指标选错", scope: { kind: "park", id: parkA } });
    const all = B.publishedBulletinListSchema.parse((await call(LIST, "GET", `/bulletins?year=2026`, { as: regionLeader })).json);
    expect(all.items.map((i) => i.id)).toContain(regionalId);
    expect(all.items.find((i) => i.id === published)?.supersededBy?.revision).toBe(2);
    // Park A's leader does not read the whole region's bulletin.
    const mine = B.publishedBulletinListSchema.parse((await call(LIST, "GET", "/bulletins", { as: leaderA })).json);
    expect(mine.items.map((i) => i.id)).not.toContain(regionalId);
    expect((await call(LIST, "GET", "/bulletins?page=0", { as: leaderA })).status).toBe(422);
    expect((await call(LIST, "GET", "/bulletins")).status).toBe(401);

    const one = await call(ONE, "GET", `/bulletins/${regionalId}`, { token: readToken, params: { id: String(regionalId) } });
    expect(one.status).toBe(200);
    const b = B.publishedBulletinSchema.parse(one.json);
    expect(b.scope).toMatchObject({ kind: "region", id: regionId });
    expect(b.parkIds.sort()).toEqual([parkA, parkB].sort());
    expect(b.content.ranking).toHaveLength(2);
    expect(b.figures["cohort.signed"]).toHaveLength(Number(b.content.counts.signed));

    expect((await call(ONE, "GET", `/bulletins/${regionalId}`, { as: leaderB, params: { id: String(regionalId) } })).status).toBe(404);
    expect((await call(ONE, "GET", "/bulletins/abc", { as: leaderA, params: { id: "abc" } })).status).toBe(404);
    expect((await call(ONE, "GET", "/bulletins/99999999999", { as: leaderA, params: { id: "99999999999" } })).status).toBe(404);
  });
});
