// The import's answers for an English reader: every refused choice of a Chinese column, and the
// shown values of choice, amount and area columns, in English; a record's own text as written.
import { describe, expect, it } from "vitest";
import { LEDGER_COLUMNS, PROGRESS_COLUMNS } from "@/lib/domain/ledger-columns";
import { MESSAGES } from "@/lib/i18n/messages";
import { CHOICE_REFUSAL, headerOf } from "@/lib/validation/ledger-import";
import { issuesIn, valueIn } from "./import-language";
import { PROGRESS_ENGLISH_NAMES, PROGRESS_SHEET_EN, englishChoices } from "./ledger-english";

const HAN = /\p{Script=Han}/u;

describe("import answers in English", () => {
  it("a refused choice in a Chinese column: an English sentence with the English choices, the header quoted as written", () => {
    const issues = Object.keys(CHOICE_REFUSAL).map((key, i) => ({ row: i + 2, column: headerOf(key), message: CHOICE_REFUSAL[key] }));
    const en = issuesIn(issues, "en");
    for (const [i, issue] of en.entries()) {
      expect(issue.column).toBe(issues[i].column);
      expect(issue.message.startsWith(`"${issues[i].column}" must be `), issue.message).toBe(true);
      expect(issue.message.replace(/"[^"]*"/g, "")).not.toMatch(HAN);
    }
    expect(issuesIn(issues, "zh-CN")).toBe(issues);
  });

  it("shown values: choices, yes/no, amounts and areas in English; text as written", () => {
    for (const column of LEDGER_COLUMNS) for (const c of englishChoices(column.type)) expect(valueIn(column.key, c.zh, "en")).toBe(c.en);
    expect(valueIn("totalInvestment", "12,000.5 万元", "en")).toBe("12,000.5 (10k CNY)");
    expect(valueIn("investmentCompleted", "0 万元", "en")).toBe("0 (10k CNY)");
    expect(valueIn("landArea", "85.25 亩", "en")).toBe("85.25 mu");
    expect(valueIn("content", "请填写总投资", "en")).toBe("请填写总投资");
    expect(valueIn("stage", "落地", "zh-CN")).toBe("落地");
    expect(valueIn("stage", null, "en")).toBeNull();
  });

  it("the monthly figures' English sheet and headers are the progress export's messages", () => {
    expect(PROGRESS_SHEET_EN).toBe(MESSAGES.en.progress.export.sheet);
    for (const c of PROGRESS_COLUMNS) expect(PROGRESS_ENGLISH_NAMES[c.key]).toEqual([(MESSAGES.en.progress.export.columns as Record<string, string>)[c.key]]);
  });
});
