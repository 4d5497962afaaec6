"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { createVisit } from "@/lib/server/visits/create-visit";

async function actor() {
  const a = await getActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return a;
}

export async function actOnIssueAction(input: unknown) {
  return runAction(async () => actOnIssue(await actor(), input));
}

export async function createVisitAction(input: unknown) {
  return runAction(async () => createVisit(await actor(), input));
}
