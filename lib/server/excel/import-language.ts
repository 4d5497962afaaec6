import "server-only";
// The import endpoints' answers in the reader's language (docs/i18n.md, "Translate on the
// server"): the services write Chinese (the source text); at the edge each row problem, the
// summary and the preview's before → after values are put into English for an English reader,
// and the import page's components receive the words. A column's header is the file's own text
// (a Chinese header in a Chinese file, an English one in an English file) and stays as written,
// quoted inside the English sentence; a sentence whose shape is not known stays Chinese whole.

import { LEDGER_COLUMNS, PROGRESS_COLUMNS } from "@/lib/domain/ledger-columns";
import type { Locale } from "@/lib/i18n/locales";
import { translateMessage } from "@/lib/i18n/server-messages";
import { CHOICE_REFUSAL } from "@/lib/validation/ledger-import";
import type { FieldChange } from "./ledger-analysis";
import { englishChoices } from "./ledger-english";
import { englishChoiceRefusal } from "./parse-ledger-workbook";
import type { PlanImportPreview } from "./plans-import";
import type { ImportPreview } from "./preview-import";
import type { ProgressImportPreview } from "./progress-import";

/** CHOICE_REFUSAL's messages -> their column key (a Chinese file's refused choice). */
const CHOICE_KEY = new Map(Object.entries(CHOICE_REFUSAL).map(([key, message]) => [message, key]));

/**
 * Row problems (or anything with a `message`) in `locale`. A refused choice in a Chinese
 * column lists the choices in English for an English reader (the import reads them in any
 * file), with the column quoted as the file heads it.
 */
export function issuesIn<T extends { message: string; column?: string }>(issues: T[], locale: Locale): T[] {
  if (locale === "zh-CN") return issues;
  return issues.map((issue) => {
    const key = CHOICE_KEY.get(issue.message);
    const zh = key && issue.column ? englishChoiceRefusal(key, issue.column) : issue.message;
    return { ...issue, message: translateMessage(zh, locale) };
  });
}

const TYPE_OF = new Map([...PROGRESS_COLUMNS, ...LEDGER_COLUMNS].map((c) => [c.key, c.type]));
const CHOICE_EN = new Map<string, Map<string, string>>();

/** A shown value (displayValue's: a stage's, source's, level's or status's label, 是/否, an amount in 万元, an area in 亩) in `locale`. */
export function valueIn(field: string, value: string | null, locale: Locale): string | null {
  if (value === null || locale === "zh-CN") return value;
  const type = TYPE_OF.get(field);
  if (type === undefined) return value;
  // "1,200.50 万元", "30 亩": the amount's shape; a record's own text is never put through the shapes.
  if (type === "money" || type === "area") return translateMessage(value, locale);
  let choices = CHOICE_EN.get(type);
  if (!choices) {
    choices = new Map(englishChoices(type).map((c) => [c.zh, c.en]));
    CHOICE_EN.set(type, choices);
  }
  return choices.get(value) ?? value;
}

/** Before → after values in `locale` (the column stays as the file heads it). */
const changesIn = (changes: FieldChange[], locale: Locale): FieldChange[] =>
  changes.map((c) => ({ ...c, before: valueIn(c.field, c.before, locale), after: valueIn(c.field, c.after, locale) }));

/** A ledger import preview in `locale`: the row problems and each change's values (the sample's stage is a code the page names). */
export function ledgerPreviewIn(preview: ImportPreview, locale: Locale): ImportPreview {
  if (locale === "zh-CN") return preview;
  return {
    ...preview,
    errors: issuesIn(preview.errors, locale),
    updates: preview.updates.map((u) => ({ ...u, changes: changesIn(u.changes, locale) })),
  };
}

/** A monthly figures import preview in `locale`: the row problems, each month's name and its changes. */
export function progressPreviewIn(preview: ProgressImportPreview, locale: Locale): ProgressImportPreview {
  if (locale === "zh-CN") return preview;
  return {
    ...preview,
    errors: issuesIn(preview.errors, locale),
    months: preview.months.map((m) => ({ ...m, month: translateMessage(m.month, locale), changes: changesIn(m.changes, locale) })),
  };
}

/** A plan as describePlan writes it ("计划投资 100.00，计划开工", "未列入计划") in `locale`, starting with a capital as a cell does. */
const planIn = (plan: string, locale: Locale): string => {
  const text = translateMessage(plan, locale);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** An annual plan import's preview (or commit result) in `locale`: the row problems and each change's before → after plan (the project's code and name as written). */
export function planPreviewIn<P extends PlanImportPreview>(preview: P, locale: Locale): P {
  if (locale === "zh-CN") return preview;
  return {
    ...preview,
    errors: issuesIn(preview.errors, locale),
    changes: preview.changes.map((c) => ({ ...c, before: planIn(c.before, locale), after: planIn(c.after, locale) })),
  };
}

/** A commit's result with its summary (`message`) in `locale`. */
export function resultIn<R extends { message: string }>(result: R, locale: Locale): R {
  return { ...result, message: translateMessage(result.message, locale) };
}
