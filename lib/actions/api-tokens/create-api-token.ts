"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";

/** Creates a token; the whole token comes back once, for the page to show. */
export const createApiTokenAction = authActionClient
  .metadata({ permission: "apiToken.manage" })
  .inputSchema(formSchema(createApiTokenSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => {
    const created = await createApiToken(ctx.actor, clientInput);
    revalidatePath("/admin/api-tokens");
    return created;
  });
