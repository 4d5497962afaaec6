"use server";

import { z } from "zod";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { filesFromForm } from "@/lib/server/attachments/evidence-files";
import { replySupervision } from "@/lib/server/supervision/reply-supervision";
import { replySupervisionSchema } from "@/lib/validation/supervision";

/**
 * The recipient's reply to a 督办函: (reply, evidence), the evidence a FormData whose
 * "attachments" entries are scans and photos. Anyone signed in may call it; lib/server
 * accepts only the letter's recipient.
 */
export const replySupervisionAction = authActionClient
  .metadata({ permission: null })
  .bindArgsSchemas([formSchema(replySupervisionSchema)])
  .inputSchema(z.instanceof(FormData).optional(), shapeErrors)
  .action(async ({ parsedInput: files, bindArgsClientInputs: [reply], ctx }) => replySupervision(ctx.actor, reply, await filesFromForm(files)));
