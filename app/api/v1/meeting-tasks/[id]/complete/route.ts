import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { completeTask } from "@/lib/server/meetings/complete-task";

/**
 * POST /api/v1/meeting-tasks/{id}/complete — 办结 a follow-up task with a note. Owners are any
 * person of the scope (liaisons and staff hold issue.write, region leaders meeting.lead);
 * lib/server accepts the task's owner or a leader of the meeting's scope.
 */
export const POST = withApi(
  async ({ actor, params, req }) => {
    const taskId = pathId(params.id, "跟踪事项");
    await completeTask(actor, { ...(await readJsonObject(req)), taskId });
    return { id: taskId, status: "DONE" as const };
  },
  { permission: ["issue.write", "meeting.lead"] },
);
