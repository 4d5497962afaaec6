// The download and attachment endpoints refuse in the reader's language (docs/i18n.md): an
// English reader gets a missing session, an unknown id and a bad `lang` or filter in English, a
// Chinese reader (and a client that asks for no language) the server's Chinese.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { makeActor, makePark, makeRegion } from "../helpers/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "zh-CN" as Locale }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
vi.mock("@/lib/i18n/request-locale", () => ({ getRequestLocale: async () => session.locale }));

const attachmentRoute = await import("@/app/api/attachments/[id]/route");
const bulletinRoute = await import("@/app/api/bulletin/route");
const publishedRoute = await import("@/app/api/bulletin/published/[id]/route");
const minutesRoute = await import("@/app/(app)/meetings/[id]/xlsx/route");
const plansExportRoute = await import("@/app/api/plans/export/route");

const HAN = /\p{Script=Han}/u;

let admin: Actor;
let parkId: number;

beforeAll(async () => {
  const region = await makeRegion();
  parkId = (await makePark(region.id)).id;
  admin = await makeActor([{ role: "PARK_STAFF", parkId }]);
});

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

/** GETs `url` from a route as `locale`'s reader, signed in as `actor`; the answer's status and text. */
async function get(handler: Handler, url: string, locale: Locale, actor: Actor | null, id = "1") {
  session.actor = actor;
  session.locale = locale;
  try {
    const res = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve({ id }) });
    return { status: res.status, text: await res.text() };
  } finally {
    session.actor = null;
    session.locale = "zh-CN";
  }
}

describe("download and attachment refusals in the reader's language", () => {
  const routes: [string, Handler, string][] = [
    ["attachment", attachmentRoute.GET as Handler, "/api/attachments/1"],
    ["bulletin", bulletinRoute.GET as Handler, "/api/bulletin?month=2026-10"],
    ["published bulletin", publishedRoute.GET as Handler, "/api/bulletin/published/1"],
    ["meeting minutes", minutesRoute.GET as Handler, "/meetings/1/xlsx"],
    ["plan sheet", plansExportRoute.GET as Handler, "/api/plans/export?park=1&year=2026"],
  ];

  it.each(routes)("%s: nobody signed in is told to sign in, in the reader's language", async (_name, handler, url) => {
    expect(await get(handler, url, "en", null)).toEqual({ status: 401, text: "Please sign in first" });
    expect(await get(handler, url, "zh-CN", null)).toEqual({ status: 401, text: "请先登录" });
  });

  it("an unknown or malformed id is refused in English for an English reader", async () => {
    expect(await get(attachmentRoute.GET as Handler, "/api/attachments/x", "en", admin, "x")).toEqual({ status: 404, text: "The attachment does not exist or you may not see it" });
    expect(await get(attachmentRoute.GET as Handler, "/api/attachments/999999999", "en", admin, "999999999")).toEqual({ status: 404, text: "The attachment does not exist or you may not see it" });
    expect(await get(attachmentRoute.GET as Handler, "/api/attachments/x", "zh-CN", admin, "x")).toEqual({ status: 404, text: "附件不存在或无权查看" });
    expect(await get(publishedRoute.GET as Handler, "/api/bulletin/published/x", "en", admin, "x")).toEqual({ status: 404, text: "The bulletin does not exist or you may not see it" });
    expect(await get(publishedRoute.GET as Handler, "/api/bulletin/published/x", "zh-CN", admin, "x")).toEqual({ status: 404, text: "通报不存在或无权查看" });
    expect(await get(minutesRoute.GET as Handler, "/meetings/0/xlsx", "en", admin, "0")).toEqual({ status: 404, text: "The meeting does not exist or you may not see it" });
    expect(await get(minutesRoute.GET as Handler, "/meetings/0/xlsx", "zh-CN", admin, "0")).toEqual({ status: 404, text: "会商不存在或无权查看" });
  });

  it("a bad lang or filter is refused in English for an English reader", async () => {
    const lang = "The export language lang must be zh-CN or en";
    expect(await get(publishedRoute.GET as Handler, "/api/bulletin/published/1?lang=fr", "en", admin)).toEqual({ status: 422, text: lang });
    expect(await get(publishedRoute.GET as Handler, "/api/bulletin/published/1?lang=fr", "zh-CN", admin)).toEqual({ status: 422, text: "导出语言 lang 须为 zh-CN 或 en" });
    const bulletin = await get(bulletinRoute.GET as Handler, "/api/bulletin?month=2026-10&lang=fr", "en", admin);
    expect(bulletin).toEqual({ status: 422, text: lang });
    const badMonth = await get(bulletinRoute.GET as Handler, "/api/bulletin?month=2026-13&lang=fr", "en", admin);
    // Each refusal in English, joined as sentences.
    expect(badMonth).toEqual({ status: 422, text: "The bulletin month must be year-month, e.g. 2026-10; the export language lang must be zh-CN or en" });
    const minutes = await get(minutesRoute.GET as Handler, "/meetings/1/xlsx?lang=fr", "en", admin);
    expect(minutes.status).toBe(422);
    expect(minutes.text).toContain("zh-CN or en");
    expect(minutes.text).not.toMatch(HAN);
    const plans = await get(plansExportRoute.GET as Handler, `/api/plans/export?park=${parkId}`, "en", admin);
    expect(plans.status).toBe(422);
    expect(plans.text).not.toMatch(HAN);
  });
});
