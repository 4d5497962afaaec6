import { pathId, withApi } from "@/lib/api/with-api";
import { getMeeting } from "@/lib/server/meetings/get-meeting";

/** GET /api/v1/meetings/{id} — the frozen agenda with each item's decision and follow-up tasks, and the attendees. */
export const GET = withApi(
  async ({ actor, params }) => {
    const { people: _people, ...meeting } = await getMeeting(actor, pathId(params.id, "会商"));
    return meeting;
  },
  { permission: "meeting.read" },
);
