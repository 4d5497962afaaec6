"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { removeAgendaItem } from "@/lib/server/meetings/edit-meeting";
import { removeAgendaItemSchema } from "@/lib/validation/meetings";

/** Removes an item without a decision from an agenda not yet held. */
export const removeAgendaItemAction = authActionClient
  .metadata({ permission: "meeting.lead" })
  .inputSchema(formSchema(removeAgendaItemSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => removeAgendaItem(ctx.actor, clientInput));
