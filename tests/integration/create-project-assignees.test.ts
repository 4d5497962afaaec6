// Creating a project with its 包保责任人 and 包保领导 chosen on the form: both assignments,
// the project and the audit row are one write; an ineligible person stops the whole write.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { todayInShanghai, dateToIso } from "@/lib/domain/dates";
import { createProject } from "@/lib/server/projects/create-project";
import { AppError } from "@/lib/server/errors";
import { type LiaisonWorld, makeLiaisonWorld } from "../helpers/assignment-factories";
import { projectForm } from "../helpers/pipeline-factories";

let w: LiaisonWorld;
beforeAll(async () => {
  w = await makeLiaisonWorld();
});

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("createProject with 包保 people", () => {
  it("assigns the chosen liaison and leader from today, in the same audit row", async () => {
    const { id } = await createProject(w.staff, { ...projectForm(w.park.id), liaisonUserId: String(w.liaisonB.userId), leaderUserId: w.leader.userId });
    const rows = await getDb().assignment.findMany({ where: { projectId: id }, orderBy: { role: "asc" } });
    expect(rows.map((r) => [r.role, r.userId, dateToIso(r.startDate), r.endDate])).toEqual([
      ["LIAISON", w.liaisonB.userId, todayInShanghai(), null],
      ["LEADER", w.leader.userId, todayInShanghai(), null],
    ]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityType: "Project", entityId: String(id), action: "project.create" } });
    expect((audit.after as { assignments: { role: string; userId: number }[] }).assignments.map((a) => a.role).sort()).toEqual(["LEADER", "LIAISON"]);
  });

  it("leaves both empty when none is chosen (blank select)", async () => {
    const { id } = await createProject(w.staff, { ...projectForm(w.park.id), liaisonUserId: "", leaderUserId: undefined });
    expect(await getDb().assignment.count({ where: { projectId: id } })).toBe(0);
  });

  it("refuses a person of another park, a liaison as leader and a disabled user, naming the field; nothing is written", async () => {
    const before = await getDb().project.count({ where: { parkId: w.park.id } });
    const cases: [Record<string, unknown>, string][] = [
      [{ liaisonUserId: w.otherLiaison.userId }, "liaisonUserId"],
      [{ leaderUserId: w.liaisonA.userId }, "leaderUserId"],
      [{ liaisonUserId: w.disabledLiaisonId }, "liaisonUserId"],
      [{ liaisonUserId: "abc" }, "liaisonUserId"],
    ];
    for (const [extra, field] of cases) {
      const err = await caught(createProject(w.staff, { ...projectForm(w.park.id), ...extra }));
      expect(err.code).toBe("VALIDATION");
      expect(Object.keys(err.fieldErrors ?? {})).toEqual([field]);
      expect(err.fieldErrors![field][0]).toMatch(/包保/);
    }
    expect(await getDb().project.count({ where: { parkId: w.park.id } })).toBe(before);
  });

  it("a liaison may not assign (no assignment.manage): the project is not created either", async () => {
    // Liaisons cannot create projects at all; staff of another park cannot reach this park.
    const err = await caught(createProject(w.otherStaff, { ...projectForm(w.park.id), liaisonUserId: w.liaisonA.userId }));
    expect(err.code).toBe("NOT_FOUND");
  });
});
