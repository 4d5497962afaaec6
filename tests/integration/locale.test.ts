// 界面语言 (docs/i18n.md): one's own choice is kept on the account and audited; the sign-in
// page's choice (its cookie) becomes the account's at sign-in; bad input changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { adoptSignInLocale, cookieLocale, setOwnLocale } from "@/lib/server/users/set-locale";
import type { Actor } from "@/lib/domain/permissions";
import { makeActor, makePark, makeRegion } from "../helpers/factories";

let me: Actor;
beforeAll(async () => {
  const region = await makeRegion();
  const park = await makePark(region.id);
  me = await makeActor([{ role: "LIAISON", parkId: park.id }]);
});

const localeOf = async (id: number) => (await getDb().user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;
const audits = async (id: number) => getDb().auditLog.count({ where: { entityType: "User", entityId: String(id), action: "user.setLocale" } });

describe("one's interface language", () => {
  it("is kept on the account, audited once per change, and read back with the actor", async () => {
    expect(await localeOf(me.userId)).toBe("zh-CN");
    expect(await setOwnLocale(me, { locale: "en" })).toEqual({ locale: "en", changed: true });
    expect(await setOwnLocale(me, { locale: "en" })).toEqual({ locale: "en", changed: false });
    expect(await localeOf(me.userId)).toBe("en");
    expect(await audits(me.userId)).toBe(1);
    expect((await loadActor(getDb(), me.userId))?.locale).toBe("en");
  });

  it("refuses an unknown language by name and changes nothing", async () => {
    for (const bad of [{ locale: "fr" }, { locale: "" }, {}, null, "en"]) {
      const e = await setOwnLocale(me, bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toMatch(/界面语言|请求格式/);
    }
    expect(await localeOf(me.userId)).toBe("en");
  });

  it("takes the sign-in page's choice at sign-in; the browser's preference alone changes nothing", async () => {
    expect(cookieLocale("a=1; NEXT_LOCALE=zh-CN; b=2")).toBe("zh-CN");
    expect(cookieLocale("NEXT_LOCALE=de")).toBeNull();
    expect(cookieLocale(undefined)).toBeNull();
    await adoptSignInLocale(me.userId, undefined);
    expect(await localeOf(me.userId)).toBe("en");
    await adoptSignInLocale(me.userId, "theme=x; NEXT_LOCALE=zh-CN");
    expect(await localeOf(me.userId)).toBe("zh-CN");
    expect(await audits(me.userId)).toBe(2);
  });
});
