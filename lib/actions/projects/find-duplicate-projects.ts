"use server";

import { z } from "zod";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { findDuplicateProjects } from "@/lib/server/projects/find-duplicate-projects";
import { hasUnstorableChars } from "@/lib/validation/fields";

// Typing in the new-project form asks for look-alikes; a half-typed form is no error, so
// anything unusable gives an empty list instead of messages.
const lookAlikeSchema = z.object({
  parkId: z.unknown(),
  name: z.unknown(),
  enterpriseName: z.unknown(),
  excludeId: z.number().int().positive().optional(),
});

export const findDuplicatesAction = authActionClient
  .metadata({ permission: "project.read" })
  .inputSchema(formSchema(lookAlikeSchema), shapeErrors)
  .action(async ({ parsedInput: input, ctx }) => {
    const parkId = Number(input.parkId);
    if (!Number.isInteger(parkId) || parkId < 1 || typeof input.name !== "string" || hasUnstorableChars(input.name)) return [];
    return findDuplicateProjects(ctx.actor, {
      parkId,
      name: input.name.slice(0, 100),
      enterpriseName: typeof input.enterpriseName === "string" && !hasUnstorableChars(input.enterpriseName) ? input.enterpriseName.slice(0, 100) : "",
      excludeId: input.excludeId,
    });
  });
