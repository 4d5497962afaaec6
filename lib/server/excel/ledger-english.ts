// The English names the ledger import reads, derived from the message files the English
// export and template write them from (projects.ledgerExport: sheet, headers, Yes/No;
// common.enum: stage, source, priority level, status), so the three cannot drift apart: an
// English file exported or filled in from the English template imports again. No second
// hand-typed copy: this module only turns those messages into lookups. Pure (no I/O).

import { type LedgerColumn, type LedgerColumnType, type OtherHeaderNames, LEDGER_COLUMNS, PROGRESS_COLUMNS, enumLabel, flagLabel } from "@/lib/domain/ledger-columns";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

const EN = MESSAGES.en;

/** The English sheet name ("Project ledger"). */
export const LEDGER_SHEET_EN: string = EN.projects.ledgerExport.sheet;

/** The English header of each ledger column, by column key. */
export const LEDGER_HEADERS_EN: Readonly<Record<string, string>> = EN.projects.ledgerExport.columns;

/** The English headers as extra header names for the header finder (`detectHeader`'s `other`). */
export const LEDGER_ENGLISH_NAMES: OtherHeaderNames = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, [LEDGER_HEADERS_EN[c.key]]]));

/** The enum groups of common.enum a ledger column type's values come from. */
const ENUM_GROUP: Partial<Record<LedgerColumnType, "stage" | "source" | "keyLevel" | "status">> = { stage: "stage", source: "source", keyLevel: "keyLevel", status: "status" };

/** A value compared case- and whitespace-insensitively. */
const fold = (text: string) => text.replace(/[\s\u3000]+/g, "").toLowerCase();

/** The English choices of a column type, in order, each with the Chinese label the import reads. */
export function englishChoices(type: LedgerColumnType): { en: string; zh: string }[] {
  if (type === "flag") {
    return [
      { en: EN.projects.ledgerExport.yes, zh: flagLabel(true) },
      { en: EN.projects.ledgerExport.no, zh: flagLabel(false) },
    ];
  }
  const group = ENUM_GROUP[type];
  if (!group) return [];
  return Object.entries(EN.common.enum[group] as Record<string, string>).map(([value, en]) => ({ en, zh: enumLabel(type, value) }));
}

const BY_TYPE = new Map<LedgerColumnType, Map<string, string>>();

/**
 * A cell's text as the import's canonical (Chinese) label: an English choice of a stage,
 * source, priority level, status or yes/no column ("landed", "Yes") becomes 落地 / 是; any
 * other text is returned as it is (Chinese labels, or a wrong value the row's rules refuse).
 */
export function canonicalCellText(column: Pick<LedgerColumn, "type">, text: string): string {
  let map = BY_TYPE.get(column.type);
  if (!map) {
    map = new Map(englishChoices(column.type).map((c) => [fold(c.en), c.zh]));
    BY_TYPE.set(column.type, map);
  }
  return map.size === 0 ? text : (map.get(fold(text)) ?? text);
}

/** Whether a header as written is in English (no Chinese characters): its problems name it so. */
export const writtenInEnglish = (text: string) => !/\p{Script=Han}/u.test(text);

/** Whether `name` is the English sheet name (case- and space-insensitively). */
export const isEnglishLedgerSheet = (name: string) => fold(name) === fold(LEDGER_SHEET_EN);

// The monthly figures (月度填报): the English progress export and template (messages
// progress.export: sheet and headers) import like the Chinese ones. Its cells hold no choices
// (numbers, months, the records' own text), so only the sheet and the headers are looked up.

/** The English sheet name of monthly figures ("Monthly progress"). */
export const PROGRESS_SHEET_EN: string = EN.progress.export.sheet;

/** The English header of each monthly figures column, by column key. */
export const PROGRESS_HEADERS_EN: Readonly<Record<string, string>> = EN.progress.export.columns;

/** The English headers of monthly figures as extra header names for the header finder. */
export const PROGRESS_ENGLISH_NAMES: OtherHeaderNames = Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c.key, [PROGRESS_HEADERS_EN[c.key]]]));

/** Whether `name` is the English sheet name of monthly figures (case- and space-insensitively). */
export const isEnglishProgressSheet = (name: string) => fold(name) === fold(PROGRESS_SHEET_EN);

/**
 * The template's words in one language (messages projects.ledgerTemplate, with the headers
 * and choices of projects.ledgerExport and common.enum): the Chinese are the table's own
 * (LEDGER_COLUMNS' headers and hints, held by a test), so the Chinese template is as before.
 */
export function templateWords(locale: Locale) {
  const m = MESSAGES[locale];
  const t = createTranslator({ locale, messages: m, namespace: "projects.ledgerTemplate" });
  const header = (key: string) => (m.projects.ledgerExport.columns as Record<string, string>)[key] ?? key;
  const enumWords = (group: "stage" | "source" | "keyLevel") => Object.values(m.common.enum[group] as Record<string, string>);
  const blank: Record<string, string> = { source: m.common.enum.source.OTHER, keyLevel: m.common.enum.keyLevel.NONE, stage: m.common.enum.stage.SIGNED };
  const yes = m.projects.ledgerExport.yes;
  const no = m.projects.ledgerExport.no;
  const hint = (key: string): string => {
    const choices = key === "source" || key === "keyLevel" || key === "stage" ? enumWords(key).join("/") : "";
    return t(`hints.${key}` as "hints.code", { choices, blank: blank[key] ?? "", yes, no });
  };
  return {
    t,
    sheet: m.projects.ledgerExport.sheet,
    header,
    hint,
    /** The drop-down choices of the enum-like columns. */
    choices: { source: enumWords("source"), keyLevel: enumWords("keyLevel"), stage: enumWords("stage"), flag: [yes, no] },
    guide: (max: number) => [
      t("guide.sheet", { sheet: m.projects.ledgerExport.sheet }),
      t("guide.cells"),
      t("guide.formulas"),
      t("guide.update", { code: header("code"), park: header("park"), name: header("name"), enterprise: header("enterpriseName") }),
      t("guide.stages"),
      t("guide.people", { liaison: header("liaison"), leader: header("leader") }),
      t("guide.opening"),
      t("guide.max", { max: max.toLocaleString(locale) }),
    ],
  };
}
