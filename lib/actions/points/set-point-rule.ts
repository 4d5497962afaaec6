"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { setPointRule } from "@/lib/server/points/point-rules";
import { pointRuleSchema } from "@/lib/validation/points";

/** A new version of one 积分 rule (park leaders for their park, region leaders for the region's default). */
export const setPointRuleAction = authActionClient
  .metadata({ permission: "points.manage" })
  .inputSchema(formSchema(pointRuleSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => setPointRule(ctx.actor, clientInput));
