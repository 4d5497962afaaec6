// The ledger (台账) columns of the Excel template, the project export and the import, in one
// table so the three round-trip: a file exported from the list can be imported again and
// changes nothing. Also the header finder every import uses: real ledgers have titles above
// the header, group headings merged across columns and two-row headers, and name columns
// their own way ("总投资" under "投资情况（万元）", "企业名称" as "投资主体"). Pure: no I/O.
//
// `importable: false` columns are written by the export for people to read (状态, 本年完成投资,
// 累计完成投资, 亮灯 …) and ignored by the import; the template has only importable ones.

import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "./labels";
import { STAGES, STAGE_LABELS, STATUS_LABELS, type Stage } from "./stages";

export type LedgerColumnType = "text" | "code" | "money" | "area" | "date" | "stage" | "source" | "keyLevel" | "status" | "flag" | "person" | "int";

export interface LedgerColumn {
  /** Field key, as in the project form schema where one exists. */
  key: string;
  /** The header cell's text, with the unit; the import finds columns by it (or an alias). */
  header: string;
  type: LedgerColumnType;
  required: boolean;
  importable: boolean;
  /** Column width in Excel characters. */
  width: number;
  /** One line for the template's 填写说明 sheet. */
  hint: string;
  /** Other names real ledgers give the column (compared without units, spaces and brackets). */
  aliases?: readonly string[];
}

const col = (
  key: string,
  header: string,
  type: LedgerColumnType,
  required: boolean,
  width: number,
  hint: string,
  opts: { importable?: boolean; aliases?: readonly string[] } = {},
): LedgerColumn => ({ key, header, type, required, importable: opts.importable ?? true, width, hint, aliases: opts.aliases ?? [] });

const READ_ONLY = { importable: false } as const;

/** Every column, in the order of the sheet. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  col("code", "项目编号", "code", false, 18, "系统生成的项目编号：填写则按编号找到并更新该项目；新项目留空", { aliases: ["系统编号"] }),
  col("park", "所属园区", "text", true, 16, "园区全称，须为您有权维护台账的园区", { aliases: ["园区", "园区名称"] }),
  col("name", "项目名称", "text", true, 30, "不超过 100 个字符；同一园区内「项目名称 + 企业名称」唯一", { aliases: ["项目"] }),
  col("enterpriseName", "企业名称", "text", true, 28, "企业全称，不超过 100 个字符", { aliases: ["投资主体", "投资企业", "投资方", "签约企业", "项目业主", "项目单位"] }),
  col("creditCode", "统一社会信用代码", "text", false, 22, "18 位数字或大写字母（不含 I、O、S、V、Z）", { aliases: ["信用代码", "社会信用代码"] }),
  col("legalPerson", "法定代表人", "text", false, 12, "不超过 50 个字符", { aliases: ["法人", "法人代表"] }),
  col("contactName", "联系人", "text", false, 12, "不超过 50 个字符", { aliases: ["企业联系人", "项目联系人"] }),
  col("contactPhone", "联系电话", "text", false, 16, "7-20 位数字，可含 - 和空格", { aliases: ["联系方式", "电话", "手机号码"] }),
  col("industry", "产业链/行业", "text", true, 14, "常用产业链之一，或该园区已有项目使用的产业链", { aliases: ["产业链", "行业", "所属行业", "所属产业链", "产业类别", "行业类别"] }),
  col("source", "项目来源", "source", false, 12, `${Object.values(SOURCE_LABELS).join("/")}，空白为「其他」`, { aliases: ["招商方式"] }),
  col("keyLevel", "项目级别", "keyLevel", false, 10, `${Object.values(KEY_LEVEL_LABELS).join("/")}，空白为「一般」`, { aliases: ["重点级别"] }),
  col("content", "建设内容及规模", "text", false, 36, "不超过 2000 个字符", { aliases: ["建设内容", "建设规模及内容", "主要建设内容", "建设内容和规模"] }),
  col("totalInvestment", "总投资（万元）", "money", true, 14, "数字，最多两位小数", { aliases: ["计划总投资", "项目总投资"] }),
  col("contractInvestment", "合同引资额（万元）", "money", true, 16, "数字，最多两位小数，不大于总投资", { aliases: ["合同引资", "引资额", "合同投资额"] }),
  col("registeredCapital", "注册资本（万元）", "money", false, 14, "数字，最多两位小数"),
  col("landArea", "用地面积（亩）", "area", false, 12, "数字，最多两位小数", { aliases: ["用地", "用地规模"] }),
  col("signedDate", "签约日期", "date", true, 12, "日期（2026-03-01），不晚于今天", { aliases: ["签约时间"] }),
  col("registeredDate", "注册日期", "date", false, 12, "日期，不晚于今天；阶段为落地及以后时必填（落地的依据）", { aliases: ["注册时间", "工商注册日期"] }),
  col("landSuppliedDate", "供地日期", "date", false, 12, "日期，不晚于今天", { aliases: ["供地时间"] }),
  col("plannedStartDate", "计划开工日期", "date", false, 12, "日期，不早于签约日期", { aliases: ["计划开工时间"] }),
  col("plannedProductionDate", "计划投产日期", "date", false, 12, "日期，不早于计划开工日期", { aliases: ["计划投产时间"] }),
  col("stage", "当前阶段", "stage", false, 10, "签约/落地/开工/投产，空白为「签约」；已有项目只能向后推进，回退请在项目页更正", { aliases: ["项目阶段", "推进阶段"] }),
  col("landedDate", "落地日期", "date", false, 12, "阶段为落地及以后时必填；不早于签约日期、不早于注册日期", { aliases: ["落地时间"] }),
  col("actualStartDate", "实际开工日期", "date", false, 12, "阶段为开工及以后时必填；不早于落地日期", { aliases: ["开工日期", "开工时间", "实际开工时间"] }),
  col("actualProductionDate", "实际投产日期", "date", false, 12, "阶段为投产时必填；不早于实际开工日期", { aliases: ["投产日期", "投产时间", "实际投产时间"] }),
  col("status", "状态", "status", false, 10, "仅供查看，导入时忽略；暂缓、终止、恢复请园区领导在项目页操作", READ_ONLY),
  col("imageProgress", "形象进度", "text", false, 30, "不超过 500 个字符；之后每月填报的形象进度会替换它", { aliases: ["项目形象进度", "形象进度情况", "目前进展", "项目进展"] }),
  col("problems", "存在问题", "text", false, 30, "不超过 1000 个字符", { aliases: ["存在的问题", "困难问题", "问题及诉求", "存在问题及诉求"] }),
  col("responsibleUnit", "责任单位", "text", false, 16, "不超过 100 个字符"),
  col("liaison", "包保责任人", "person", false, 12, "本园区的包保责任人或工作人员：填写用户名，或在本园区唯一的姓名；更换后原包保结束、新包保从导入之日开始", { aliases: ["包保人", "项目包保责任人", "责任人", "项目责任人"] }),
  col("leader", "包保领导", "person", false, 12, "本园区的园区领导：填写用户名，或在本园区唯一的姓名", { aliases: ["联系领导", "责任领导", "包保县级领导"] }),
  col("plannedInvestmentThisYear", "本年计划投资（万元）", "money", false, 16, "今年的计划投资，数字，最多两位小数；与两个计划标记都空白表示今年没有计划", { aliases: ["年度计划投资", "本年度计划投资", "年计划投资"] }),
  col("planStartThisYear", "本年计划开工", "flag", false, 10, "是/否，空白为「否」", { aliases: ["是否计划本年开工", "年度计划开工"] }),
  col("planProductionThisYear", "本年计划投产", "flag", false, 10, "是/否，空白为「否」", { aliases: ["是否计划本年投产", "年度计划投产"] }),
  col("investmentCompletedBefore", "期初累计完成投资（万元）", "money", false, 18, "开始月度填报之前已完成的投资（导入旧台账时填写），空白为 0；累计完成投资 = 期初 + 各月填报之和", { aliases: ["期初完成投资", "填报前累计完成投资"] }),
  col("fundsArrivedBefore", "期初累计到位资金（万元）", "money", false, 18, "开始月度填报之前已到位的资金，空白为 0；累计到位资金 = 期初 + 各月填报之和", { aliases: ["期初到位资金", "填报前累计到位资金"] }),
  col("investmentCompletedThisYear", "本年完成投资（万元）", "money", false, 16, "仅供查看，导入时忽略（各月填报之和）", READ_ONLY),
  col("investmentCompletedToDate", "累计完成投资（万元）", "money", false, 16, "仅供查看，导入时忽略（期初 + 各月填报）", READ_ONLY),
  col("fundsArrivedThisYear", "本年到位资金（万元）", "money", false, 16, "仅供查看，导入时忽略（各月填报之和）", READ_ONLY),
  col("fundsArrivedToDate", "累计到位资金（万元）", "money", false, 16, "仅供查看，导入时忽略（期初 + 各月填报）", READ_ONLY),
  col("light", "亮灯", "text", false, 8, "仅供查看，导入时忽略", READ_ONLY),
  col("lightReasons", "亮灯原因", "text", false, 40, "仅供查看，导入时忽略", READ_ONLY),
  col("remark", "备注", "text", false, 24, "不超过 1000 个字符"),
];

/** The columns of the template and the ones the import reads. */
export const IMPORT_COLUMNS: readonly LedgerColumn[] = LEDGER_COLUMNS.filter((c) => c.importable);

/** The sheet the template, the export and the import share. */
export const LEDGER_SHEET = "项目台账";

/** Stage date column per stage reached (签约 is signedDate). */
export const LEDGER_STAGE_DATE: Record<Stage, string> = {
  SIGNED: "signedDate",
  LANDED: "landedDate",
  STARTED: "actualStartDate",
  PRODUCING: "actualProductionDate",
};

function invert(labels: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(labels).map(([k, v]) => [v, k]));
}

export const STAGE_BY_LABEL = invert(STAGE_LABELS);
export const SOURCE_BY_LABEL = invert(SOURCE_LABELS);
export const KEY_LEVEL_BY_LABEL = invert(KEY_LEVEL_LABELS);
/** Alternative words people write in real ledgers. */
SOURCE_BY_LABEL.set("委托/中介招商", "AGENCY");
SOURCE_BY_LABEL.set("网络/云招商", "ONLINE");
KEY_LEVEL_BY_LABEL.set("无", "NONE");

/** Yes/no cells: what people type for a tick. Blank is "no". */
export const FLAG_BY_TEXT = new Map<string, boolean>([
  ["是", true],
  ["√", true],
  ["✓", true],
  ["✔", true],
  ["Y", true],
  ["y", true],
  ["TRUE", true],
  ["true", true],
  ["1", true],
  ["否", false],
  ["×", false],
  ["✗", false],
  ["N", false],
  ["n", false],
  ["FALSE", false],
  ["false", false],
  ["0", false],
]);

export const flagLabel = (value: boolean) => (value ? "是" : "否");

/** The label written in an enum column for a stored value. */
export function enumLabel(type: LedgerColumnType, value: string): string {
  if (type === "stage") return STAGE_LABELS[value as Stage] ?? value;
  if (type === "source") return SOURCE_LABELS[value] ?? value;
  if (type === "keyLevel") return KEY_LEVEL_LABELS[value] ?? value;
  if (type === "status") return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  return value;
}

export const STAGE_CHOICES = STAGES.map((s) => STAGE_LABELS[s]);

/** Excel column letters for a 1-based index (1 -> A, 27 -> AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ---------------------------------------------------------------- finding the header

/** Money units a header may carry; the import works in 万元. */
const UNITS = ["万元", "亿元", "元", "亩", "公顷", "平方米"] as const;
/** The same units as English headers write them (lower case, without spaces): "(10k CNY)" is 万元. */
const ENGLISH_UNITS: Readonly<Record<string, (typeof UNITS)[number]>> = {
  "10kcny": "万元",
  "10kyuan": "万元",
  "10,000cny": "万元",
  "10,000yuan": "万元",
  "cny10,000": "万元",
  "cny100m": "亿元",
  "100mcny": "亿元",
  "100myuan": "亿元",
  "100millioncny": "亿元",
  "100millionyuan": "亿元",
  cny: "元",
  yuan: "元",
  rmb: "元",
  mu: "亩",
  hectares: "公顷",
  ha: "公顷",
  sqm: "平方米",
  m2: "平方米",
  "m²": "平方米",
};

/**
 * A header cell's text without what varies between ledgers: spaces and line breaks, the
 * required-marks (*), ASCII or full-width brackets, and a trailing unit in brackets
 * ("总投资（万元）" -> 总投资, unit 万元). `unit` is null when none was written.
 */
export function normaliseHeader(raw: string): { name: string; unit: string | null } {
  let text = raw.replace(/[\s\u3000]+/g, "").replace(/^[*＊]+|[*＊]+$/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/：$/, "");
  let unit: string | null = null;
  for (;;) {
    const m = /（([^（）]*)）$/.exec(text);
    if (!m || m.index === 0) break;
    const inside = m[1].replace(/^单位[:：]?/, "");
    if ((UNITS as readonly string[]).includes(inside)) unit = inside;
    else if (ENGLISH_UNITS[inside.toLowerCase()]) unit = ENGLISH_UNITS[inside.toLowerCase()];
    text = text.slice(0, m.index);
  }
  return { name: text, unit };
}

/**
 * More names per column key, from outside the table: the English headers the English
 * template and export write (lib/server/excel/ledger-english.ts, from the message files).
 */
export type OtherHeaderNames = Readonly<Record<string, readonly string[]>>;

/** Finds columns by a header's normalised name or alias (or `other` name), case-insensitively. */
export function columnFinder(columns: readonly LedgerColumn[], other: OtherHeaderNames = {}): (name: string) => LedgerColumn | undefined {
  const byName = new Map<string, LedgerColumn>();
  for (const c of columns) {
    for (const n of [c.header, ...(c.aliases ?? []), ...(other[c.key] ?? [])]) {
      const key = normaliseHeader(n).name.toLowerCase();
      if (!byName.has(key)) byName.set(key, c);
    }
  }
  return (name) => byName.get(name.toLowerCase());
}

/** One column of the sheet the header finder recognised. */
export interface HeaderCell {
  column: LedgerColumn;
  /** The header as written ("投资情况（万元）/ 总投资" for a two-row header). */
  text: string;
  /** The unit written in the column's or its group's heading, if any. */
  unit: string | null;
}

export interface HeaderMatch {
  /** 1-based first and last header rows (equal for a one-row header); data starts below `lastRow`. */
  firstRow: number;
  lastRow: number;
  /** Excel column number -> the column it holds. A column found twice is in `duplicates`. */
  columns: Map<number, HeaderCell>;
  /** Column numbers that hold the same column as an earlier one. */
  duplicates: { key: string; first: number; again: number; text: string }[];
  /** Headers the table does not know, with their column numbers. */
  unknown: { col: number; text: string }[];
}

/** A sheet's first rows as text: `rows[0]` is row 1, each a map of Excel column number -> cell text. */
export type HeaderGrid = readonly ReadonlyMap<number, string>[];

type Candidate = HeaderMatch & { score: number };

/** A group heading and a column name read together, sharing their overlap ("包保责任" + "责任人" = 包保责任人). */
function joinHeading(group: string, name: string): string {
  for (let k = Math.min(group.length, name.length); k > 0; k--) if (group.endsWith(name.slice(0, k))) return group + name.slice(k);
  return group + name;
}

function matchRow(grid: HeaderGrid, first: number, last: number, find: (name: string) => LedgerColumn | undefined): Candidate {
  const top = grid[first - 1] ?? new Map<number, string>();
  const bottom = grid[last - 1] ?? new Map<number, string>();
  const cols = [...new Set([...bottom.keys(), ...(first === last ? [] : top.keys())])].sort((a, b) => a - b);
  const columns = new Map<number, HeaderCell>();
  const duplicates: HeaderMatch["duplicates"] = [];
  const unknown: HeaderMatch["unknown"] = [];
  const firstOf = new Map<string, number>();
  for (const c of cols) {
    const sub = (bottom.get(c) ?? "").trim();
    const group = first === last ? "" : (top.get(c) ?? "").trim();
    if (sub === "" && group === "") continue;
    const s = normaliseHeader(sub);
    const g = normaliseHeader(group);
    let column: LedgerColumn | undefined;
    let text: string;
    if (sub !== "" && group !== "" && s.name !== g.name) {
      // A group heading over the column's own name: "本年" over "计划投资" is 本年计划投资, "包保责任" over
      // "责任人" is 包保责任人, "投资情况" over "总投资" is 总投资.
      column = find(joinHeading(g.name, s.name)) ?? find(s.name);
      text = `${group} / ${sub}`;
    } else {
      column = find(sub !== "" ? s.name : g.name);
      text = sub !== "" ? sub : group;
    }
    if (!column) {
      unknown.push({ col: c, text });
      continue;
    }
    const seen = firstOf.get(column.key);
    if (seen !== undefined) {
      duplicates.push({ key: column.key, first: seen, again: c, text });
      continue;
    }
    firstOf.set(column.key, c);
    columns.set(c, { column, text, unit: s.unit ?? g.unit });
  }
  return { firstRow: first, lastRow: last, columns, duplicates, unknown, score: columns.size };
}

/**
 * The header of a sheet: the row, or pair of rows, among the first ones that names the most
 * known columns and names `anchor` (e.g. 项目名称). A pair is a group heading row above the
 * column names (merged cells give every column under a group its heading); it is chosen when
 * it names more columns than its second row alone, or as many when cells of the second row
 * are merged with the row above (`mergedUp[i]`: the columns of row i + 1 whose cell belongs
 * to a merge starting higher up). Null when no row names `anchor`. `other` adds names per
 * column key (the English headers), recognised per column, so a file may mix the languages.
 */
export function detectHeader(
  grid: HeaderGrid,
  columns: readonly LedgerColumn[],
  anchor: string,
  mergedUp: readonly ReadonlySet<number>[] = [],
  other: OtherHeaderNames = {},
): HeaderMatch | null {
  const find = columnFinder(columns, other);
  let best: Candidate | null = null;
  const named = (c: Candidate) => [...c.columns.values()].some((h) => h.column.key === anchor);
  const beats = (c: Candidate) => best === null || c.score > best.score;
  for (let r = 1; r <= grid.length; r++) {
    const single = matchRow(grid, r, r, find);
    if (named(single) && beats(single)) best = single;
    if (r > 1) {
      const pair = matchRow(grid, r - 1, r, find);
      const joined = (mergedUp[r - 1]?.size ?? 0) > 0;
      const overSingle = pair.score > single.score || (joined && pair.score === single.score);
      if (overSingle && named(pair) && (best === single || beats(pair))) best = pair;
    }
  }
  if (!best) return null;
  const { score: _score, ...match } = best;
  return match;
}

// ---------------------------------------------------------------- monthly figures

/** The sheet of monthly figures (月度填报): its export and its import share it. */
export const PROGRESS_SHEET = "月度填报";

/** One row per project and month, in the export's order; the import finds columns by header like the ledger. */
export const PROGRESS_COLUMNS: readonly LedgerColumn[] = [
  col("code", "项目编号", "code", false, 18, "系统中的项目编号；空白时按「所属园区 + 项目名称 + 企业名称」找项目", { aliases: ["系统编号"] }),
  col("name", "项目名称", "text", true, 30, "", { aliases: ["项目"] }),
  col("park", "所属园区", "text", false, 14, "", { aliases: ["园区", "园区名称"] }),
  col("enterpriseName", "企业名称", "text", false, 26, "", { aliases: ["投资主体", "投资企业", "投资方", "签约企业", "项目业主", "项目单位"] }),
  col("year", "年份", "int", false, 8, "如 2026；「月份」写作 2026-03 时可省略", { aliases: ["填报年份", "年度"] }),
  col("month", "月份", "int", true, 8, "1–12，或 2026-03 / 2026年3月", { aliases: ["填报月份", "月度"] }),
  col("investmentCompleted", "本月完成投资（万元）", "money", true, 16, "数字，最多两位小数", { aliases: ["当月完成投资", "月度完成投资"] }),
  col("fundsArrived", "本月到位资金（万元）", "money", true, 16, "数字，最多两位小数", { aliases: ["当月到位资金", "月度到位资金"] }),
  col("investmentToDate", "累计完成投资（万元）", "money", false, 16, "仅供查看，导入时忽略", READ_ONLY),
  col("fundsToDate", "累计到位资金（万元）", "money", false, 16, "仅供查看，导入时忽略", READ_ONLY),
  col("imageProgress", "形象进度", "text", true, 30, "必填，不超过 500 个字符", { aliases: ["项目形象进度", "形象进度情况", "本月进展"] }),
  col("problems", "存在问题", "text", false, 30, "不超过 1000 个字符", { aliases: ["存在的问题", "困难问题", "问题及诉求"] }),
  col("filedBy", "填报人", "text", false, 10, "仅供查看，导入时忽略", READ_ONLY),
  col("filedOn", "填报日期", "date", false, 12, "仅供查看，导入时忽略", READ_ONLY),
];
