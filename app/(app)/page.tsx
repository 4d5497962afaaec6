import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { landingPath } from "@/lib/domain/landing";

export default async function Home() {
  const actor = await requireActor();
  const staffPark = [...actor.parkRoles].find(([, roles]) => roles.includes("PARK_STAFF"))?.[0] ?? null;
  redirect(landingPath(actor.roles, staffPark));
}
