// The demo accounts: fixed ones the README and tests name, plus a team per park.
import type { Role } from "../../lib/db/generated/prisma/client";
import { LEADER_TITLES, LIAISON_UNITS, PARKS, STAFF_UNITS, type ParkSpec } from "./catalog";
import { mobilePhone, uniquePersonName } from "./identity";
import { Rng } from "./random";

export const DEMO_PASSWORD = "Park@2026";

export type DemoUser = {
  username: string;
  name: string;
  role: Role;
  parkCode?: string;
  regionCode?: string;
  unit: string;
  title: string;
  phone: string;
};

export type ParkTeam = { leader: DemoUser; staff: DemoUser[]; liaisons: DemoUser[] };

/** Names of the accounts other documents refer to; everything else is generated. */
const FIXED_NAMES: Record<string, string> = {
  leader_hhgx: "张卫东",
  staff_hhgx: "李敏",
  liaison_hhgx: "王海涛",
};

export function parkTeam(park: ParkSpec): ParkTeam {
  const rng = Rng.of("people", park.code);
  const taken = new Set(Object.values(FIXED_NAMES));
  const key = park.code.toLowerCase();
  const make = (username: string, role: Role, unit: string, title: string): DemoUser => ({
    username,
    name: FIXED_NAMES[username] ?? uniquePersonName(rng, taken),
    role,
    parkCode: park.code,
    unit,
    title,
    phone: mobilePhone(rng),
  });
  const leader = make(`leader_${key}`, "PARK_LEADER", `${park.name}党工委（管委会）`, rng.pick(LEADER_TITLES));
  const staff: DemoUser[] = [];
  for (let i = 0; i < park.staffCount; i++) {
    const [unit, title] = STAFF_UNITS[i % STAFF_UNITS.length];
    staff.push(make(i === 0 ? `staff_${key}` : `staff_${key}_${i + 1}`, "PARK_STAFF", unit, title));
  }
  const liaisons: DemoUser[] = [];
  for (let i = 0; i < park.liaisonCount; i++) {
    const [unit, titles] = LIAISON_UNITS[i % LIAISON_UNITS.length];
    liaisons.push(make(i === 0 ? `liaison_${key}` : `liaison_${key}_${i + 1}`, "LIAISON", unit, rng.pick(titles)));
  }
  return { leader, staff, liaisons };
}

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    { username: "admin", name: "系统管理员", role: "ADMIN", unit: "信息中心", title: "系统管理员", phone: "13807450001" },
    {
      username: "region_hh",
      name: "刘建国",
      role: "REGION_LEADER",
      regionCode: "HH",
      unit: "怀化市人民政府",
      title: "副市长",
      phone: "13907451234",
    },
    {
      username: "region_xx",
      name: "彭志强",
      role: "REGION_LEADER",
      regionCode: "XX",
      unit: "湘西州人民政府",
      title: "副州长",
      phone: "13974365210",
    },
    {
      username: "region_sy",
      name: "曾德华",
      role: "REGION_LEADER",
      regionCode: "SY",
      unit: "邵阳市人民政府",
      title: "副市长",
      phone: "13873982206",
    },
  ];
  for (const park of PARKS) {
    const team = parkTeam(park);
    users.push(team.leader, ...team.staff, ...team.liaisons);
  }
  return users;
}
