import { userToJson } from "@/lib/api/admin-schemas";
import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";
import { userListSchema } from "@/lib/validation/users";

/** GET /api/v1/users — administrators: everyone; park leaders: their parks' people. */
export const GET = withApi(
  async ({ actor, req }) => {
    const f = parseQuery(req, userListSchema);
    const { users, total, pageCount } = await listUsers(actor, { q: f.q, park: f.park, active: f.active === undefined ? undefined : f.active === "1", page: f.page, pageSize: f.pageSize });
    return { items: users.map(userToJson), total, page: f.page, pageCount };
  },
  { permission: "member.manage", sessionOnly: true },
);

/** POST /api/v1/users — the temporary password comes back once. */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await createUser(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/users/${created.id}`, "Cache-Control": "no-store" } });
  },
  { permission: "member.manage", sessionOnly: true },
);
