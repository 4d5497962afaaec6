"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { reviewSupervision } from "@/lib/server/supervision/review-supervision";
import { reviewSupervisionSchema } from "@/lib/validation/supervision";

/** 销号 or 退回 of a replied 督办函; lib/server checks that the actor issued it or leads its park. */
export const reviewSupervisionAction = authActionClient
  .metadata({ permission: "supervision.issue" })
  .inputSchema(formSchema(reviewSupervisionSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => reviewSupervision(ctx.actor, clientInput));
