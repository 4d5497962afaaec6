import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { createEnterprise } from "@/lib/server/enterprises/create-enterprise";
import { listEnterprises } from "@/lib/server/enterprises/list-enterprises";
import { enterpriseListSchema } from "@/lib/validation/enterprises";

/** GET /api/v1/enterprises — the registry, searched by name or credit code, paged. */
export const GET = withApi(async ({ actor, req }) => listEnterprises(actor, parseQuery(req, enterpriseListSchema)), { permission: "project.read" });

/** POST /api/v1/enterprises — register an enterprise without a project (same checks as the form). */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await createEnterprise(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/enterprises/${created.id}` } });
  },
  { permission: "project.write" },
);
