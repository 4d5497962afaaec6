import "server-only";
// Checks an uploaded file is an .xlsx before exceljs opens it: a ZIP (by its magic bytes
// and central directory) holding xl/workbook.xml, not too large once unpacked. Reading the
// central directory costs microseconds and keeps random bytes, Word files and zip bombs
// away from the XML parser.

import { AppError } from "@/lib/server/errors";

/** Largest upload accepted (a 5,000-row ledger is about 0.5 MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest total size of the unpacked parts. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

const notXlsx = () => new AppError("VALIDATION", "文件不是 Excel 工作簿（.xlsx）；请用台账模板填写，或在 Excel 中“另存为 .xlsx”后再上传");

/** Names of the ZIP's entries, after checking size limits; throws a Chinese message otherwise. */
export function assertXlsxContainer(bytes: Uint8Array): string[] {
  if (bytes.length === 0) throw new AppError("VALIDATION", "文件是空的，请重新选择");
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError("VALIDATION", `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），最大 10 MB；请拆分后分批导入`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    // An old .xls (OLE2) gets its own hint.
    if (bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0) {
      throw new AppError("VALIDATION", "这是旧版 Excel 文件（.xls），请在 Excel 中“另存为 .xlsx”后再上传");
    }
    throw notXlsx();
  }
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > bytes.length) throw notXlsx();

  const names: string[] = [];
  let unpacked = 0;
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw notXlsx();
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (size === 0xffffffff) throw new AppError("VALIDATION", "文件解压后过大，请删除多余的行列后再上传");
    unpacked += size;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppError("VALIDATION", "文件解压后过大（超过 200 MB），请删除多余的行列、图片后再上传");
  if (!names.includes("xl/workbook.xml")) {
    throw new AppError("VALIDATION", "文件不是 Excel 工作簿（.xlsx）：其中没有工作表；Word、WPS 文字或压缩包不能导入");
  }
  return names;
}
