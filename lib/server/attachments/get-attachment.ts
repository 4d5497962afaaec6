import "server-only";
import { getDb } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { visibleSupervisionsWhere } from "@/lib/server/supervision/supervision-scope";

/** One attachment's bytes, if the actor may read its project or its 督办 letter; otherwise not found. */
export async function getAttachment(actor: Actor, id: number) {
  const attachment = await getDb().attachment.findFirst({
    where: { id, OR: [{ project: visibleProjectsWhere(actor) }, { supervision: visibleSupervisionsWhere(actor) }] },
    select: { fileName: true, mimeType: true, size: true, content: true },
  });
  if (!attachment) throw notFound("附件");
  return attachment;
}
