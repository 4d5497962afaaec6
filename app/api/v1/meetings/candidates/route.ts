import { parseQuery, withApi } from "@/lib/api/with-api";
import { buildAgenda } from "@/lib/server/meetings/build-agenda";
import { agendaQuerySchema } from "@/lib/validation/meetings";

/** GET /api/v1/meetings/candidates — the agenda candidates of a scope's month as the record stands today (their keys go to POST /meetings). */
export const GET = withApi(
  async ({ actor, req }) => {
    const q = parseQuery(req, agendaQuerySchema);
    const { scope, candidates } = await buildAgenda(actor, q.scope, q.month);
    return { scope: scope.key, scopeName: scope.name, month: q.month.slice(0, 7), candidates };
  },
  { permission: "meeting.lead" },
);
