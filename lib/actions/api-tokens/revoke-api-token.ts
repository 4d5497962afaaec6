"use server";

import { revalidatePath } from "next/cache";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { idField } from "@/lib/validation/fields";

export const revokeApiTokenAction = authActionClient
  .metadata({ permission: "apiToken.manage" })
  .inputSchema(formSchema(idField("令牌")), shapeErrors)
  .action(async ({ parsedInput: id, ctx }) => {
    const { revokedAt } = await revokeApiToken(ctx.actor, id);
    revalidatePath("/admin/api-tokens");
    return { revokedAt: revokedAt.toISOString() };
  });
