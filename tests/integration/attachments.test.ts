import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { getAttachment } from "@/lib/server/attachments/get-attachment";
import { getProjectHistory } from "@/lib/server/projects/get-project-history";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("evidence attachments on a stage move", () => {
  it("stores the files with the event of the stage reached last, readable only within scope", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const otherPark = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const outsider = await makeActor([{ role: "PARK_STAFF", parkId: otherPark.id }]);
    const project = await makeProject({ parkId: park.id, signedDate: "2025-01-10" });

    await moveProjectStage(
      staff,
      { projectId: project.id, version: 1, toStage: "STARTED", landed: { date: "2025-02-01", registrationDate: "2025-01-20" }, started: { date: "2025-03-01" } },
      [
        { fileName: "营业执照.pdf", mimeType: "application/pdf", content: PDF },
        { fileName: "开工现场.png", mimeType: "image/png", content: PNG },
      ],
    );

    const events = await getDb().stageEvent.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" }, select: { id: true, toStage: true, attachments: { select: { id: true, fileName: true, size: true, sha256: true } } } });
    expect(events.map((e) => [e.toStage, e.attachments.length])).toEqual([
      ["LANDED", 0],
      ["STARTED", 2],
    ]);
    const [pdf] = events[1].attachments;
    expect(pdf).toMatchObject({ fileName: "营业执照.pdf", size: PDF.byteLength });
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);

    const file = await getAttachment(staff, pdf.id);
    expect(Buffer.from(file.content).equals(Buffer.from(PDF))).toBe(true);
    await expect(getAttachment(outsider, pdf.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const history = await getProjectHistory(staff, project.id);
    const started = history.find((h) => h.kind === "stage" && h.toStage === "STARTED");
    expect(started && started.kind === "stage" && started.attachments.map((a) => a.fileName)).toEqual(["营业执照.pdf", "开工现场.png"]);
  });

  it("refuses a file whose bytes are not what it claims, and changes nothing", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const project = await makeProject({ parkId: park.id, signedDate: "2025-01-10" });
    await expect(
      moveProjectStage(staff, { projectId: project.id, version: 1, toStage: "LANDED", landed: { date: "2025-02-01", registrationDate: "2025-01-20" } }, [
        { fileName: "假装是图片.jpg", mimeType: "image/jpeg", content: new TextEncoder().encode("<script>alert(1)</script>") },
      ]),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { attachments: ["附件「假装是图片.jpg」的内容与其类型不符，请上传原始的图片或 PDF 文件"] } });
    const after = await getDb().project.findUniqueOrThrow({ where: { id: project.id }, select: { stage: true, version: true } });
    expect(after).toEqual({ stage: "SIGNED", version: 1 });
    expect(await getDb().attachment.count({ where: { projectId: project.id } })).toBe(0);
  });
});
