import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/domain/permissions";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from "./audit-labels";
import { ISSUE_ACTIONS } from "./issues";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Where audit rows are written: the server functions, sign-in and sign-out, the seed, the CLI scripts.
const SOURCE_DIRS = ["lib/server", "lib/auth", "lib/actions", "app", "scripts", "prisma"];

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (name === "node_modules" || name === "generated") continue;
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(path.join(dir, name)));
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const DOTTED = /["'`]([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*)["'`]/g;
const permissions = new Set<string>(PERMISSIONS);

/** Template actions (`issue.${action.action}`) and what the variable part can be. */
const TEMPLATE_EXPANSIONS: Record<string, readonly string[]> = {
  issue: ISSUE_ACTIONS,
  assignment: ["assign", "reassign"],
};

/**
 * Every action string the code writes: the dotted literals on lines that set an action
 * (`action: "…"`, `const action = a ? "…" : "…"`, an AUDIT_ACTIONS table), and in files
 * that write audit rows, every other dotted literal that is not a permission name.
 */
function writtenActions(): { actions: Map<string, string>; templates: Map<string, string> } {
  const actions = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const src = readFileSync(file, "utf8");
    const where = path.relative(ROOT, file);
    const writesAudit = /writeAudit\(|auditLog\.create/.test(src);
    for (const raw of src.split("\n")) {
      // Message keys are dotted too: a translator's call (t("form.label"), tc.has("enum.x")) is not an action.
      const line = raw.replace(/\bt[a-z]?(?:\.rich|\.markup|\.has)?\(\s*"[^"]*"/g, "");
      const actionLine = /\baction\b|_ACTIONS\b/.test(line);
      for (const m of line.matchAll(DOTTED)) {
        if (actionLine || (writesAudit && !permissions.has(m[1]))) actions.set(m[1], where);
      }
      for (const m of line.matchAll(/\baction\s*[:=]\s*`([a-zA-Z]+)\.\$\{/g)) templates.set(m[1], where);
    }
  }
  return { actions, templates };
}

describe("audit labels", () => {
  const { actions, templates } = writtenActions();

  it("finds the actions the code writes (the scan itself works)", () => {
    for (const known of ["project.update", "project.correct", "issue.create", "visit.create", "auth.signIn", "holiday.delete", "seed.demo", "project.suspend"]) {
      expect(actions.has(known), known).toBe(true);
    }
    expect([...templates.keys()].sort()).toEqual(expect.arrayContaining(["assignment", "issue"]));
  });

  it("labels every action string written anywhere in the code", () => {
    const missing = [...actions].filter(([a]) => !AUDIT_ACTION_LABELS[a]).map(([a, file]) => `${a} (${file})`);
    expect(missing).toEqual([]);
  });

  it("labels every expansion of a template action, and knows every template", () => {
    for (const [prefix, file] of templates) {
      expect(TEMPLATE_EXPANSIONS[prefix], `template action ${prefix}.\${…} in ${file}: list its values in TEMPLATE_EXPANSIONS`).toBeDefined();
      for (const v of TEMPLATE_EXPANSIONS[prefix]) expect(AUDIT_ACTION_LABELS[`${prefix}.${v}`], `${prefix}.${v}`).toBeTruthy();
    }
  });

  it("labels the administration actions of this release", () => {
    const expected = [
      "user.create",
      "user.update",
      "user.disable",
      "user.enable",
      "user.passwordReset",
      "user.passwordChange",
      "membership.add",
      "membership.remove",
      "region.create",
      "region.update",
      "region.archive",
      "region.restore",
      "park.create",
      "park.update",
      "park.archive",
      "park.restore",
      "enterprise.create",
      "enterprise.update",
      "enterprise.merge",
      "assignment.end",
      "auth.signOut",
    ];
    for (const a of expected) expect(AUDIT_ACTION_LABELS[a], a).toMatch(/\p{Script=Han}/u);
  });

  it("reads issue actions in Chinese", () => {
    expect(auditActionLabel("issue.requestExtension")).toBe("申请延期");
    expect(auditActionLabel("issue.decideExtension")).toBe("审批延期");
    expect(auditActionLabel("project.correct")).toBe("更正阶段（回退）");
  });

  it("every label is Chinese and no two actions read the same", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    for (const l of labels) expect(l).toMatch(/\p{Script=Han}/u);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("labels every record type the code writes", () => {
    const types = new Set<string>();
    for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
      for (const m of readFileSync(file, "utf8").matchAll(/entityType:\s*(?:[^"\n]*\?\s*)?"(\w+)"(?:\s*:\s*"(\w+)")?/g)) {
        types.add(m[1]);
        if (m[2]) types.add(m[2]);
      }
    }
    expect(types.size).toBeGreaterThan(8);
    expect([...types].filter((t) => !AUDIT_ENTITY_LABELS[t])).toEqual([]);
    expect(auditEntityLabel("EnterpriseIssue")).toBe("企业问题");
  });

  it("an action it does not know keeps its code rather than vanishing", () => {
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
    expect(auditEntityLabel("Legacy")).toBe("Legacy");
  });
});
