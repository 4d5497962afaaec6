import { describe, expect, it } from "vitest";
import { attachmentProblems, formatBytes, sniffType, MAX_ATTACHMENT_BYTES } from "./attachments";

describe("evidence attachments", () => {
  it("accepts scans and photos within the limits", () => {
    expect(attachmentProblems([{ name: "营业执照.pdf", type: "application/pdf", size: 200_000 }, { name: "现场.jpg", type: "image/jpeg", size: 3_000_000 }])).toEqual([]);
  });

  it("names the file and the rule it breaks", () => {
    expect(attachmentProblems([{ name: "合同.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 10 }])).toEqual([
      "附件「合同.docx」的类型不支持：只接受 JPG、PNG、WebP 图片或 PDF 文件",
    ]);
    expect(attachmentProblems([{ name: "大图.png", type: "image/png", size: MAX_ATTACHMENT_BYTES + 1 }])).toEqual(["附件「大图.png」超过 10 MB"]);
    expect(attachmentProblems([{ name: "空.pdf", type: "application/pdf", size: 0 }])).toEqual(["附件「空.pdf」是空文件"]);
    expect(attachmentProblems(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, type: "image/png", size: 1 })))[0]).toBe("附件最多 5 个，当前选择了 6 个");
  });

  it("knows a file by its bytes, not its name", () => {
    expect(sniffType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe("application/pdf");
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffType(new TextEncoder().encode("RIFF0000WEBPVP8 "))).toBe("image/webp");
    expect(sniffType(new TextEncoder().encode("<html>"))).toBeNull();
    expect(formatBytes(2_500_000)).toBe("2.4 MB");
    expect(formatBytes(300)).toBe("1 KB");
  });
});
