"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { publishBulletin } from "@/lib/server/bulletin/publish-bulletin";
import { publishBulletinSchema } from "@/lib/validation/published-bulletins";

/** 定稿发布: freezes a month's bulletin for a park or a region (or publishes a corrected version). */
export const publishBulletinAction = authActionClient
  .metadata({ permission: "bulletin.publish" })
  .inputSchema(formSchema(publishBulletinSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const result = await publishBulletin(ctx.actor, clientInput);
    revalidatePath("/bulletin", "layout");
    revalidatePath("/progress", "layout");
    return result;
  });
