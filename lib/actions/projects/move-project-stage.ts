"use server";

import { z } from "zod";
import { authActionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { filesFromForm } from "@/lib/server/attachments/evidence-files";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { moveStageSchema } from "@/lib/validation/transition";

/**
 * A stage move from the board or the project page: (move, evidence). The evidence is a
 * FormData whose "attachments" entries are the scans and photos. Forward moves need
 * project.write, backward ones project.correct; lib/server decides which applies.
 */
export const moveStageAction = authActionClient
  .metadata({ permission: ["project.write", "project.correct"] })
  .bindArgsSchemas([formSchema(moveStageSchema)])
  .inputSchema(z.instanceof(FormData).optional(), shapeErrors)
  .action(async ({ parsedInput: files, bindArgsClientInputs: [move], ctx }) =>
    moveProjectStage(ctx.actor, move, await filesFromForm(files)),
  );
