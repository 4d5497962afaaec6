import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";
import { LOCALES } from "./locales";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUS_LABELS, NOTIFICATION_KIND_LABELS, SATISFACTION_LABELS, VISIT_KIND_LABELS } from "@/lib/domain/issues";
import { LIGHT_KIND_LABELS, LIGHT_LABELS } from "@/lib/domain/warnings";
import { KEY_LEVEL_LABELS, PARK_LEVEL_LABELS, PARK_TYPE_LABELS, SOURCE_LABELS, STAGE_EVENT_LABELS } from "@/lib/domain/labels";
import { STAGE_DATE_LABELS, STATUS_ACTION_LABELS } from "@/lib/domain/transitions";
import { LEDGER_COLUMNS, LEDGER_SHEET } from "@/lib/domain/ledger-columns";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_GROUP_LABELS } from "@/lib/domain/audit-labels";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree as "a.b.c" → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments a message uses ({name}, {count, plural, …}), sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === "{") {
      // An argument opens at depth 0, or inside a plural/select branch's text (depth 2, 4 …).
      if (depth % 2 === 0) {
        const m = /^\{\s*([A-Za-z_][\w]*)/.exec(message.slice(i));
        if (m) names.add(m[1]);
      }
      depth++;
    } else if (c === "}") depth--;
  }
  return [...names].sort();
}

const source = leaves(MESSAGES["zh-CN"] as unknown as Tree);

describe("messages", () => {
  it.each(LOCALES.filter((l) => l !== "zh-CN"))("%s has exactly the source's keys", (locale) => {
    const other = leaves(MESSAGES[locale] as unknown as Tree);
    expect([...other.keys()].filter((k) => !source.has(k)), "keys only in the translation").toEqual([]);
    expect([...source.keys()].filter((k) => !other.has(k)), "keys missing from the translation").toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "zh-CN"))("%s uses the same arguments in every message, and none is empty", (locale) => {
    const other = leaves(MESSAGES[locale] as unknown as Tree);
    const differ = [...source].filter(([k, v]) => other.has(k) && argumentsOf(v).join() !== argumentsOf(other.get(k)!).join()).map(([k]) => k);
    expect(differ).toEqual([]);
    expect([...other].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("the source has no English left in it by mistake, and the English no Chinese", () => {
    const en = leaves(MESSAGES.en as unknown as Tree);
    expect([...en].filter(([, v]) => /\p{Script=Han}/u.test(v)).map(([k]) => k)).toEqual([]);
  });

  it("the Chinese enum labels are the domain's own (exports and the audit log use those)", () => {
    const levels = Object.fromEntries(Object.entries(ISSUE_LEVEL_LABELS).map(([k, v]) => [`L${k}`, v]));
    expect(MESSAGES["zh-CN"].common.enum).toEqual({
      stage: STAGE_LABELS,
      stageDate: STAGE_DATE_LABELS,
      status: STATUS_LABELS,
      statusAction: STATUS_ACTION_LABELS,
      stageEvent: STAGE_EVENT_LABELS,
      role: ROLE_LABELS,
      light: LIGHT_LABELS,
      lightKind: LIGHT_KIND_LABELS,
      issueCategory: ISSUE_CATEGORY_LABELS,
      issueStatus: ISSUE_STATUS_LABELS,
      satisfaction: SATISFACTION_LABELS,
      issueLevel: levels,
      visitKind: VISIT_KIND_LABELS,
      notificationKind: NOTIFICATION_KIND_LABELS,
      parkLevel: PARK_LEVEL_LABELS,
      parkType: PARK_TYPE_LABELS,
      keyLevel: KEY_LEVEL_LABELS,
      source: SOURCE_LABELS,
    });
  });

  it("the ledger export's Chinese headers are the ledger's own columns (the file imports again)", () => {
    const words = MESSAGES["zh-CN"].projects.ledgerExport;
    expect(words.sheet).toBe(LEDGER_SHEET);
    expect(Object.entries(words.columns)).toEqual(LEDGER_COLUMNS.map((c) => [c.key, c.header]));
  });

  it("the audit log's Chinese labels are the domain's (every action, record type and group)", () => {
    const audit = MESSAGES["zh-CN"].audit as unknown as { actions: Record<string, Record<string, string>>; entities: Record<string, string>; groups: Record<string, string> };
    const flat = Object.fromEntries(Object.entries(audit.actions).flatMap(([group, verbs]) => Object.entries(verbs).map(([verb, label]) => [`${group}.${verb}`, label])));
    expect(flat).toEqual(AUDIT_ACTION_LABELS);
    expect(audit.entities).toEqual(AUDIT_ENTITY_LABELS);
    expect(audit.groups).toEqual(AUDIT_GROUP_LABELS);
  });

  it("finds arguments inside plural branches", () => {
    expect(argumentsOf("{count, plural, one {# project in {park}} other {# projects in {park}}}")).toEqual(["count", "park"]);
    expect(argumentsOf("共 {total} 个")).toEqual(["total"]);
  });
});
