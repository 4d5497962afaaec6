import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";

/**
 * POST /api/v1/projects/{id}/transitions — a stage move (body has toStage) or a status
 * change (body has action: SUSPEND / TERMINATE / RESUME), with the version read. The
 * pipeline service checks the permission the operation needs in the project's park
 * (moving forward project.write; a correction back and a status change project.correct),
 * so park staff move forward and park leaders suspend, terminate, resume and correct.
 */
export const POST = withApi(
  async ({ actor, params, req }) => {
    const projectId = pathId(params.id, "项目");
    const body = await readJsonObject(req);
    const input = { ...body, projectId };
    return "action" in body && !("toStage" in body) ? changeProjectStatus(actor, input) : moveProjectStage(actor, input);
  },
  { permission: ["project.write", "project.correct"] },
);
