import "server-only";
import { createHash } from "node:crypto";
import { attachmentProblems, sniffType } from "@/lib/domain/attachments";
import { AppError } from "@/lib/server/errors";
import { hasUnstorableChars, unstorableMessage } from "@/lib/validation/fields";

/** An uploaded evidence file, read into memory (at most 5 x 10 MB). */
export interface EvidenceFile {
  fileName: string;
  mimeType: string;
  content: Uint8Array;
}

/** Checks uploaded files by the rules and by their real bytes; throws VALIDATION on "attachments". */
export function checkEvidenceFiles(files: EvidenceFile[]): void {
  const problems = attachmentProblems(files.map((f) => ({ name: f.fileName, type: f.mimeType, size: f.content.byteLength })));
  for (const f of files) {
    if (hasUnstorableChars(f.fileName)) problems.push(unstorableMessage("附件文件名"));
    if (f.content.byteLength > 0 && sniffType(f.content) !== f.mimeType) problems.push(`附件「${f.fileName}」的内容与其类型不符，请上传原始的图片或 PDF 文件`);
  }
  if (problems.length) throw new AppError("VALIDATION", problems[0], { attachments: problems });
}

export function attachmentRows(files: EvidenceFile[], ids: { parkId: number; projectId: number; stageEventId: number; uploadedById: number }) {
  return files.map((f) => ({
    ...ids,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.content.byteLength,
    sha256: createHash("sha256").update(f.content).digest("hex"),
    content: f.content as Uint8Array<ArrayBuffer>,
  }));
}

/** Reads the "attachments" entries of a form into EvidenceFiles, refusing oversized ones before reading. */
export async function filesFromForm(form: FormData | null | undefined): Promise<EvidenceFile[]> {
  if (!form) return [];
  const files = form.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.size > 0);
  const problems = attachmentProblems(files.map((f) => ({ name: f.name, type: f.type, size: f.size })));
  if (problems.length) throw new AppError("VALIDATION", problems[0], { attachments: problems });
  return Promise.all(files.map(async (f) => ({ fileName: f.name, mimeType: f.type, content: new Uint8Array(await f.arrayBuffer()) })));
}
