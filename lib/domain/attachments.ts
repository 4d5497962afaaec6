// Evidence files (scans, photos) attached to a stage move. Pure rules: the browser checks
// them before uploading, the server checks them again and sniffs the real file type.

export const ATTACHMENT_TYPES: Record<string, string> = {
  "image/jpeg": "JPG 图片",
  "image/png": "PNG 图片",
  "image/webp": "WebP 图片",
  "application/pdf": "PDF 文件",
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/** Errors under the "attachments" field, in Chinese, naming the file and the rule. */
export function attachmentProblems(files: FileFacts[]): string[] {
  const problems: string[] = [];
  if (files.length > MAX_ATTACHMENTS) problems.push(`附件最多 ${MAX_ATTACHMENTS} 个，当前选择了 ${files.length} 个`);
  for (const f of files) {
    if (!ATTACHMENT_TYPES[f.type]) problems.push(`附件「${f.name}」的类型不支持：只接受 JPG、PNG、WebP 图片或 PDF 文件`);
    else if (f.size === 0) problems.push(`附件「${f.name}」是空文件`);
    else if (f.size > MAX_ATTACHMENT_BYTES) problems.push(`附件「${f.name}」超过 10 MB`);
    if (f.name.length > 200) problems.push(`附件文件名不能超过 200 个字符`);
  }
  return problems;
}

/** The type the bytes really are (by their magic numbers), or null. */
export function sniffType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "application/pdf";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return null;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
