"use server";

import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { addAgendaItem } from "@/lib/server/meetings/edit-meeting";
import { addAgendaItemSchema } from "@/lib/validation/meetings";

/** Adds a free item (其他议题) to an agenda not yet held. */
export const addAgendaItemAction = authActionClient
  .metadata({ permission: "meeting.lead" })
  .inputSchema(formSchema(addAgendaItemSchema), shapeErrors)
  .action(async ({ clientInput, ctx }) => addAgendaItem(ctx.actor, clientInput));
