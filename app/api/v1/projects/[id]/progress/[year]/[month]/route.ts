import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";

/**
 * PUT /api/v1/projects/{id}/progress/{year}/{month} — file a month (201) or correct it
 * (200, with the version read; a stale version is a 409). Year and month are checked by
 * the filing schema like any other field.
 */
export const PUT = withApi(
  async ({ actor, params, req }) => {
    const filed = await fileProgressReport(actor, { ...(await readJsonObject(req)), projectId: pathId(params.id, "项目"), year: params.year, month: params.month });
    return Response.json(filed, { status: filed.created ? 201 : 200 });
  },
  { permission: "progress.file" },
);
