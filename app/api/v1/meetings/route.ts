import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { searchMeetings } from "@/lib/server/meetings/list-meetings";
import { prepareMeeting } from "@/lib/server/meetings/prepare-meeting";
import { meetingFiltersSchema } from "@/lib/validation/meetings";

/** GET /api/v1/meetings — 每月会商 of the scopes the caller reads: park or region, month, status; paged. */
export const GET = withApi(async ({ actor, req }) => searchMeetings(actor, parseQuery(req, meetingFiltersSchema)), { permission: "meeting.read" });

/** POST /api/v1/meetings — 定稿议程: prepare a scope's month from the candidates kept and free items (lib/server checks the scope). */
export const POST = withApi(
  async ({ actor, req }) => {
    const created = await prepareMeeting(actor, await readJsonObject(req));
    return Response.json(created, { status: 201, headers: { Location: `/api/v1/meetings/${created.id}` } });
  },
  { permission: "meeting.lead" },
);
