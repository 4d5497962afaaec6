"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createPointAdjustment } from "@/lib/server/points/create-point-adjustment";
import { pointAdjustmentSchema } from "@/lib/validation/points";

/** 人工加分/减分 with a reason (park leaders). */
export const createPointAdjustmentAction = authActionClient
  .metadata({ permission: "points.adjust" })
  .inputSchema(formSchema(pointAdjustmentSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => createPointAdjustment(ctx.actor, clientInput));
