"use server";

import { getActor } from "@/lib/auth/session";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/server/errors";
import { createProject } from "@/lib/server/projects/create-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { findDuplicateProjects } from "@/lib/server/projects/find-duplicate-projects";

// Thin adapters: lib/server validates with the shared zod schema and checks role and park.

async function actor() {
  const a = await getActor();
  if (!a) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
  return a;
}

export async function createProjectAction(input: unknown) {
  return runAction(async () => createProject(await actor(), input));
}

export async function updateProjectAction(id: number, input: unknown) {
  return runAction(async () => {
    if (!Number.isInteger(id) || id < 1) throw new AppError("NOT_FOUND", "项目不存在或无权查看");
    return updateProject(await actor(), id, input);
  });
}

export async function findDuplicatesAction(input: { parkId: unknown; name: unknown; enterpriseName: unknown; excludeId?: number }) {
  return runAction(async () => {
    const parkId = Number(input.parkId);
    if (!Number.isInteger(parkId) || typeof input.name !== "string") return [];
    return findDuplicateProjects(await actor(), {
      parkId,
      name: input.name.slice(0, 100),
      enterpriseName: typeof input.enterpriseName === "string" ? input.enterpriseName.slice(0, 100) : "",
      excludeId: input.excludeId,
    });
  });
}
