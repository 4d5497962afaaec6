import Link from "next/link";

export interface Column<T> {
  /** React key of the column; the header text when it is a string, else the position. */
  key?: string;
  header: React.ReactNode;
  cell: (row: T, index: number) => React.ReactNode;
  /** Figures: right-aligned, tabular digits. */
  numeric?: boolean;
  align?: "left" | "right" | "center";
  /** Extra classes of the column's cells (td). */
  className?: string;
  /** Extra classes of the column's header (th). */
  headerClassName?: string;
  /** Extra attributes of a cell (a title; a className is added to the column's). */
  cellProps?: (row: T, index: number) => React.TdHTMLAttributes<HTMLTableCellElement>;
  /**
   * The header's words as plain text, where `header` is not a string: on a phone each cell
   * shows it before its value ("阶段：开工").
   */
  label?: string;
  /**
   * How the cell shows in a phone's stacked card: "label" (the header's words, then the
   * value; the default), "title" (the card's heading, no label: the default of the first
   * column) or "plain" (the value alone, full width: buttons, links).
   */
  stacked?: "label" | "title" | "plain";
}

const ALIGN = { left: "", right: "text-right", center: "text-center" } as const;

export const CELL = "px-3 py-2";
const DENSE_CELL = "px-3 py-1.5";
/** A body row's classes when `rowClassName` gives none. */
export const ROW = "border-t border-slate-100";

/** The header's words of a column, for the phone's stacked cards. */
function columnLabel<T>(c: Column<T>): string | undefined {
  return c.label ?? (typeof c.header === "string" && c.header ? c.header : undefined);
}

/**
 * A server-rendered table: one header row, one row per item, a message row when there are
 * none (`empty`), inside a horizontally scrollable panel. Name it with `caption` (read by
 * screen readers only) or `aria-label`.
 *
 * Below md (phones) each row becomes a card (the `dt-stack` rules in globals.css): the first
 * column as its heading, then one "header: value" line per column; the table itself, its
 * rows' attributes and test ids stay as they are. `stack={false}` keeps a table that fits.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  "aria-label": ariaLabel,
  empty,
  testId,
  rowClassName,
  rowProps,
  footer,
  className = "",
  tableClassName = "",
  headClassName = "bg-slate-100 text-left text-slate-600",
  dense = false,
  captionClassName = "sr-only",
  frameClassName,
  stack = true,
}: {
  /** `false`/`null` entries are left out, for columns shown only sometimes. */
  columns: (Column<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => React.Key;
  caption?: React.ReactNode;
  "aria-label"?: string;
  /** The message shown in the table when `rows` is empty; without it the body stays empty. */
  empty?: React.ReactNode;
  testId?: string;
  /** A row's classes instead of ROW (compose with ROW to keep the rule between rows). */
  rowClassName?: (row: T, index: number) => string | undefined;
  /** Extra attributes of a row (data-* for tests). */
  rowProps?: (row: T, index: number) => React.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number | undefined>;
  /** Rows of a <tfoot> (totals). */
  footer?: React.ReactNode;
  /** Extra classes of the scrolling panel. */
  className?: string;
  /** The panel's border and background instead of the white one with a grey rule. */
  frameClassName?: string;
  tableClassName?: string;
  headClassName?: string;
  /** Reference tables (the API documentation): small type, tighter rows, a plain frame. */
  dense?: boolean;
  /** The caption is for screen readers only unless given classes here. */
  captionClassName?: string;
  /** Rows as stacked cards on a phone (the default). */
  stack?: boolean;
}) {
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  const key = (c: Column<T>, i: number) => c.key ?? (typeof c.header === "string" && c.header ? c.header : String(i));
  const align = (c: Column<T>) => ALIGN[c.align ?? (c.numeric ? "right" : "left")];
  const cell = dense ? DENSE_CELL : CELL;
  return (
    <div className={`overflow-x-auto ${frameClassName ?? `border border-slate-200 bg-white ${dense ? "rounded" : "rounded-lg"}`} ${className}`}>
      <table className={`min-w-full ${dense ? "text-xs" : "text-sm"} ${stack ? "dt-stack" : ""} ${tableClassName}`} data-testid={testId} aria-label={ariaLabel}>
        {caption && <caption className={captionClassName}>{caption}</caption>}
        <thead className={headClassName}>
          <tr>
            {cols.map((c, i) => (
              <th key={key(c, i)} className={[cell, align(c), c.headerClassName].filter(Boolean).join(" ")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined && (
            <tr>
              <td colSpan={cols.length} className="px-3 py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} className={rowClassName?.(row, r) ?? ROW} {...rowProps?.(row, r)}>
              {cols.map((c, i) => {
                const props = c.cellProps?.(row, r);
                const stacked = c.stacked ?? (i === 0 ? "title" : "label");
                const label = stacked === "label" ? columnLabel(c) : undefined;
                return (
                  <td
                    key={key(c, i)}
                    data-label={label}
                    {...props}
                    className={[cell, align(c), c.numeric ? "tabular-nums" : "", stacked === "title" ? "dt-title" : "", c.className, props?.className].filter(Boolean).join(" ")}
                  >
                    {c.cell(row, r)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}

/** The dashed box a list shows instead of an empty table; `compact` inside a page section. */
export function EmptyState({ children, compact = false, className = "" }: { children: React.ReactNode; compact?: boolean; className?: string }) {
  return <p className={`rounded border border-dashed border-slate-300 bg-white text-center text-slate-500 ${compact ? "p-4 text-sm" : "p-8"} ${className}`}>{children}</p>;
}

/**
 * A list's first cell: the record's name as a link to its page, with a grey line under it
 * (its code, where it is) when `sub` has something to say.
 */
export function TitleCell({ href, title, sub }: { href: string; title: React.ReactNode; sub?: React.ReactNode }) {
  return (
    <>
      <Link href={href} className="font-medium text-slate-900 hover:text-brand-600">
        {title}
      </Link>
      {sub && <div className="text-xs text-slate-400">{sub}</div>}
    </>
  );
}
