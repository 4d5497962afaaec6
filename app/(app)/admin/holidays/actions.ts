"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { upsertHoliday } from "@/lib/server/holidays/upsert-holiday";
import { deleteHoliday } from "@/lib/server/holidays/delete-holiday";

async function actorOrThrow() {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return actor;
}

/** Adds a 法定节假日 or 调休 working day, or changes the one on that date. */
export async function upsertHolidayAction(input: unknown) {
  return runAction(async () => {
    const row = await upsertHoliday(await actorOrThrow(), input);
    revalidatePath("/admin/holidays");
    return row;
  });
}

export async function deleteHolidayAction(date: unknown) {
  return runAction(async () => {
    await deleteHoliday(await actorOrThrow(), date);
    revalidatePath("/admin/holidays");
  });
}
