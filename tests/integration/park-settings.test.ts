import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getParkSettings, updateParkSettings } from "@/lib/server/parks/park-settings";
import { makeActor, makePark, makeRegion } from "../helpers/factories";

describe("park settings (stale thresholds)", () => {
  it("a park leader sets the thresholds, audited; staff may not; other parks are not found", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const other = await makePark(region.id);
    const leader = await makeActor([{ role: "PARK_LEADER", parkId: park.id }]);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);

    expect(await getParkSettings(leader, park.id)).toMatchObject({ staleDaysSigned: 90, staleDaysLanded: 180, staleDaysStarted: 365, visitIntervalDays: 30 });
    await updateParkSettings(leader, park.id, { staleDaysSigned: "60", staleDaysLanded: 120, staleDaysStarted: 300, visitIntervalDays: 15 });
    expect(await getDb().park.findUniqueOrThrow({ where: { id: park.id }, select: { staleDaysSigned: true, visitIntervalDays: true } })).toEqual({ staleDaysSigned: 60, visitIntervalDays: 15 });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "park.settings", entityId: String(park.id) } });
    expect(audit.before).toMatchObject({ staleDaysSigned: 90 });
    expect(audit.after).toMatchObject({ staleDaysSigned: 60 });

    await expect(updateParkSettings(staff, park.id, { staleDaysSigned: 1, staleDaysLanded: 1, staleDaysStarted: 1, visitIntervalDays: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getParkSettings(leader, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad values with the field and the rule, changing nothing", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const leader = await makeActor([{ role: "PARK_LEADER", parkId: park.id }]);
    await expect(updateParkSettings(leader, park.id, { staleDaysSigned: "0", staleDaysLanded: "abc", staleDaysStarted: 99999, visitIntervalDays: 2.5 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        staleDaysSigned: ["签约阶段滞留天数不能小于 1 天"],
        staleDaysLanded: ["落地阶段滞留天数须为数字"],
        staleDaysStarted: ["开工阶段滞留天数不能大于 3650 天"],
        visitIntervalDays: ["走访间隔天数须为整数"],
      },
    });
    expect((await getDb().park.findUniqueOrThrow({ where: { id: park.id } })).staleDaysSigned).toBe(90);
  });
});
