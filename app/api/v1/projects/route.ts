import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjectsCursor } from "@/lib/server/projects/list-projects-cursor";
import { parseOrThrow } from "@/lib/server/errors";
import { apiProjectCreateSchema, apiProjectListSchema } from "@/lib/validation/api-projects";

/** GET /api/v1/projects — the board's filters, paged by id cursor. */
export const GET = withApi(async ({ actor, req }) => listProjectsCursor(actor, parseQuery(req, apiProjectListSchema)), { permission: "project.read" });

/** POST /api/v1/projects — enter a signed project (same checks as the create form; unknown fields are refused). */
export const POST = withApi(
  async ({ actor, req }) => {
    const body = await readJsonObject(req);
    parseOrThrow(apiProjectCreateSchema, body);
    const created = await createProject(actor, body);
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/projects/${created.id}` } });
  },
  { permission: "project.write" },
);
