"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { updateParkSettings } from "@/lib/server/parks/park-settings";
import { idField } from "@/lib/validation/fields";
import { parkSettingsSchema } from "@/lib/validation/park-settings";

/** A park's thresholds (stale days, visit interval, light rules): (park id, settings). */
export const updateParkSettingsAction = authActionClient
  .metadata({ permission: "park.configure" })
  .bindArgsSchemas([formSchema(idField("园区"))])
  .inputSchema(formSchema(parkSettingsSchema.loose()), shapeErrors)
  .action(async ({ clientInput, bindArgsParsedInputs: [parkId], ctx }) => updateParkSettings(ctx.actor, parkId, clientInput));
