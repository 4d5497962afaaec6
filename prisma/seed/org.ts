// Regions, parks, users, memberships and the holiday calendar: looked up by their
// natural keys and created only when missing.
import type { Db } from "../../lib/db/client";
import { hashPassword } from "../../lib/server/auth/password";
import { PARKS, REGIONS } from "./catalog";
import { toDate } from "./dates";
import { holidayRows } from "./holidays";
import { DEMO_PASSWORD, demoUsers } from "./people";

export type OrgIds = {
  regionIds: Map<string, number>;
  parkIds: Map<string, number>;
  userIds: Map<string, number>;
};

export type OrgCounts = { regions: number; parks: number; users: number; memberships: number; holidays: number };

export async function ensureOrganisation(db: Db): Promise<{ ids: OrgIds; created: OrgCounts }> {
  const created: OrgCounts = { regions: 0, parks: 0, users: 0, memberships: 0, holidays: 0 };
  const regionIds = new Map<string, number>();
  for (const r of REGIONS) {
    // Code and name are both unique: an existing region under either is the same region.
    let row = await db.region.findFirst({ where: { OR: [{ code: r.code }, { name: r.name }] }, select: { id: true } });
    if (!row) {
      row = await db.region.create({ data: { code: r.code, name: r.name }, select: { id: true } });
      created.regions++;
    }
    regionIds.set(r.code, row.id);
  }

  const parkIds = new Map<string, number>();
  for (const p of PARKS) {
    let row = await db.park.findFirst({ where: { OR: [{ code: p.code }, { name: p.name }] }, select: { id: true } });
    if (!row) {
      row = await db.park.create({
        data: { code: p.code, name: p.name, level: p.level, type: p.type, regionId: regionIds.get(p.regionCode)! },
        select: { id: true },
      });
      created.parks++;
    }
    parkIds.set(p.code, row.id);
  }

  const users = demoUsers();
  const existing = await db.user.findMany({
    where: { username: { in: users.map((u) => u.username) } },
    select: { id: true, username: true },
  });
  const userIds = new Map(existing.map((u) => [u.username, u.id]));
  const missing = users.filter((u) => !userIds.has(u.username));
  if (missing.length > 0) {
    // One argon2 hash shared by every demo account: hashing is deliberately slow.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const rows = await db.user.createManyAndReturn({
      data: missing.map((u) => ({
        username: u.username,
        name: u.name,
        passwordHash,
        phone: u.phone,
        unit: u.unit,
        title: u.title,
      })),
      select: { id: true, username: true },
    });
    for (const r of rows) userIds.set(r.username, r.id);
    created.users = rows.length;
  }

  // Membership's unique key contains nullable columns, which PostgreSQL treats as
  // distinct, so look rows up instead of relying on a conflict.
  const memberships = await db.membership.findMany({
    where: { userId: { in: [...userIds.values()] } },
    select: { userId: true, role: true, parkId: true, regionId: true },
  });
  const have = new Set(memberships.map((m) => `${m.userId}/${m.role}/${m.parkId}/${m.regionId}`));
  const wanted = users.map((u) => ({
    userId: userIds.get(u.username)!,
    role: u.role,
    parkId: u.parkCode ? parkIds.get(u.parkCode)! : null,
    regionId: u.regionCode ? regionIds.get(u.regionCode)! : null,
  }));
  const toCreate = wanted.filter((m) => !have.has(`${m.userId}/${m.role}/${m.parkId}/${m.regionId}`));
  if (toCreate.length > 0) created.memberships = (await db.membership.createMany({ data: toCreate })).count;

  const holidays = await db.holiday.createMany({
    data: holidayRows().map((h) => ({ date: toDate(h.date), kind: h.kind, name: h.name })),
    skipDuplicates: true,
  });
  created.holidays = holidays.count;

  return { ids: { regionIds, parkIds, userIds }, created };
}
