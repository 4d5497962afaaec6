// Money is kept in 万元 with two decimals. It travels as a decimal string (what Prisma's
// Decimal and PostgreSQL's numeric give us) and is never turned into a float for storage.

const WAN_PER_YI = 10_000;

// Thousands separators (",", "，" or a space) may only stand between groups of three digits
// of the whole part: "12,345.6" and "1 234 567" are read, "12,34,5.6" is refused, since
// dropping every separator would turn a slip into a different amount.
const SEPARATOR = /[,，\s]/;
const GROUPED = /^-?\d{1,3}([,，\s]\d{3})+(\.\d*)?$/;

/** True when the text has thousands separators anywhere but between groups of three digits. */
export function hasMisplacedSeparators(input: string): boolean {
  const s = input.trim();
  return SEPARATOR.test(s) && !GROUPED.test(s);
}

/** The message for an amount whose separators are misplaced (`label` names the field). */
export const misplacedSeparatorsMessage = (label: string) => `${label}的千位分隔符位置不对：逗号只能每三位一个（如 12,345.67），也可以不写逗号`;

/** Parses user input in 万元 ("12,345.6", " 8000 ") into a canonical 2-decimal string, or null. */
export function parseWan(input: string): string | null {
  if (hasMisplacedSeparators(input)) return null;
  const s = input.replace(/[,，\s]/g, "");
  if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(s)) return null;
  const [int, frac = ""] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/^0+(?=\d)/, "");
  return `${sign}${digits}.${frac.padEnd(2, "0")}`;
}

function toNumber(value: string | number | { toString(): string }): number {
  return typeof value === "number" ? value : Number(value.toString());
}

const wanFormat = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const yiFormat = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "12,345.6 万元" — for display only. */
export function formatWan(value: string | number | { toString(): string } | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${wanFormat.format(toNumber(value))} 万元`;
}

/** "1.23 亿元" — for display only. */
export function formatYi(value: string | number | { toString(): string } | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${yiFormat.format(toNumber(value) / WAN_PER_YI)} 亿元`;
}

/** Headline style: 亿元 from 1 亿 up, 万元 below, the unit always shown. */
export function formatMoney(value: string | number | { toString(): string } | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return Math.abs(toNumber(value)) >= WAN_PER_YI ? formatYi(value) : formatWan(value);
}
