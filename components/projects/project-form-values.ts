import type { getProject } from "@/lib/server/projects/get-project";
import { storedProjectValues } from "@/lib/domain/project-values";
import type { ProjectFormValues } from "./project-form";

type Project = Awaited<ReturnType<typeof getProject>>;

/** A stored project as the edit form's initial values: its ledger fields (empty ones left out) and the version loaded. */
export function projectToFormValues(p: Project): ProjectFormValues {
  const values: ProjectFormValues = { version: p.version };
  for (const [key, value] of Object.entries(storedProjectValues(p))) if (value !== null) values[key] = value;
  return values;
}
