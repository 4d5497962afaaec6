import "server-only";
import { projectPatchSchema } from "@/lib/validation/api-projects";
import { type Actor } from "@/lib/domain/permissions";
import { parseOrThrow } from "@/lib/server/errors";
import { getProject } from "./get-project";
import { storedProjectValues } from "@/lib/domain/project-values";
import { updateProject } from "./update-project";

/**
 * A partial edit (the REST API's PATCH): the fields sent replace the stored ones, the rest
 * stay, and the merged record goes through updateProject, so the checks, the version
 * (optimistic locking), the audit row and the permissions are those of the edit form.
 */
export async function patchProject(actor: Actor, id: number, input: unknown): Promise<{ version: number; changed: string[] }> {
  const parsed = parseOrThrow(projectPatchSchema, input);
  const p = await getProject(actor, id);
  const stored = storedProjectValues(p);
  // Keys sent as undefined are absent from the raw input; only keys actually sent replace stored values.
  const sent = Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([k]) => k in parsed));
  return updateProject(actor, id, { ...stored, ...sent });
}
