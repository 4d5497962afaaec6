import { projectToJson } from "@/lib/api/project-json";
import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { getProject } from "@/lib/server/projects/get-project";
import { patchProject } from "@/lib/server/projects/patch-project";

/** GET /api/v1/projects/{id} */
export const GET = withApi(async ({ actor, params }) => projectToJson(await getProject(actor, pathId(params.id, "项目"))), { permission: "project.read" });

/** PATCH /api/v1/projects/{id} — the fields sent, with the version read (409 if stale). */
export const PATCH = withApi(async ({ actor, params, req }) => patchProject(actor, pathId(params.id, "项目"), await readJsonObject(req)), {
  permission: "project.write",
});
