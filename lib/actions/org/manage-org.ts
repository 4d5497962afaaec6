"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { actionActor } from "@/lib/actions/session";
import { createRegion, updateRegion } from "@/lib/server/org/regions";
import { createPark, updatePark } from "@/lib/server/org/parks";

// Regions and parks (administrators). Each calls one lib/server function, which
// authorizes and audits.

export async function createRegionAction(input: unknown) {
  return runAction(async () => {
    const region = await createRegion(await actionActor(), input);
    revalidatePath("/admin/org");
    return region;
  });
}

export async function updateRegionAction(id: unknown, input: unknown) {
  return runAction(async () => {
    const region = await updateRegion(await actionActor(), id, input);
    revalidatePath("/admin/org");
    return region;
  });
}

export async function createParkAction(input: unknown) {
  return runAction(async () => {
    const park = await createPark(await actionActor(), input);
    revalidatePath("/admin/org");
    return park;
  });
}

export async function updateParkAction(id: unknown, input: unknown) {
  return runAction(async () => {
    const park = await updatePark(await actionActor(), id, input);
    revalidatePath("/admin/org");
    return park;
  });
}
